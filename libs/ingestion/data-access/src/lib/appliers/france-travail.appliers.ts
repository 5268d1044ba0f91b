import type {
  FranceTravailActionRecord,
  FranceTravailDiagnosticRecord,
  FranceTravailPrincipalRecord,
} from '@spie/connectors/france-travail';
import type { DiagnosticService } from '@spie/diagnostic/data-access';
import {
  DiagnosticException,
  DiagnosticExceptionCode,
  type DiagnosticInput,
  type DiagnosticThemeInput,
} from '@spie/diagnostic/domain';
import type { RejectionCode } from '@spie/ingestion/domain';
import {
  recordPartnerActions,
  recordPartnerFollowUps,
  type ActionToRecord,
  type FollowUpToRecord,
  type PartnerFactOutcome,
} from '@spie/orientation/data-access';
import { emptyFollowUpFacts, type PartnerFollowUpFacts } from '@spie/orientation/domain';
import type { NirCipherService } from '@spie/person/data-access';
import { assertUnreachable } from '@spie/shared/kernel';

import type { StagedRecord } from '../entities/import-chunk.entity';
import { add, emptyResult, type ApplyContext, type ApplyResult } from './apply-context';
import { applyPersonRecords } from './person-records.applier';

/** The provenance of the France Travail facts a chunk records: the batch, the file's reference date (or `observedAt`). */
export function franceTravailProvenance(context: ApplyContext, observedAt?: Date) {
  return {
    source: 'france_travail' as const,
    sourceRef: context.batchId,
    observedAt: observedAt ?? new Date(`${context.referenceDate}T00:00:00Z`),
    recordedAt: new Date(),
    recordedBy: context.recordedBy,
  };
}

/** Person ids by partner identifier value (one query); values the hub does not know are absent. */
export async function personIdsByIdentifier(
  context: ApplyContext,
  system: string,
  values: readonly string[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(values)];
  if (wanted.length === 0) return new Map();
  const rows = (await context.manager.query(
    `SELECT value, person_id FROM person_identifier WHERE system = $1 AND value = ANY($2::text[])`,
    [system, wanted],
  )) as Array<{ value: string; person_id: string }>;
  return new Map(rows.map((row) => [row.value, row.person_id]));
}

/** Counts the outcomes of follow-ups (or actions) and reports the ones that were not applied. */
function countFacts(
  result: ApplyResult,
  outcomes: readonly PartnerFactOutcome[],
  at: ReadonlyArray<{ position: number; key: string }>,
  kind: 'followUps' | 'actions',
): void {
  outcomes.forEach((outcome, index) => {
    switch (outcome) {
      case 'created':
        add(result.counts, kind === 'followUps' ? 'followUpsCreated' : 'actionsCreated');
        return;
      case 'updated':
        add(result.counts, kind === 'followUps' ? 'followUpsUpdated' : 'actionsUpdated');
        return;
      case 'unchanged':
        add(result.counts, kind === 'followUps' ? 'followUpsUnchanged' : 'actionsUnchanged');
        return;
      case 'stale':
        add(result.counts, 'stale');
        return;
      case 'duplicate':
        add(result.counts, 'skipped');
        result.issues.push({
          position: at[index].position,
          recordKey: at[index].key,
          severity: 'warning',
          code: 'DUPLICATE_IN_FILE',
          message: `Another line of this chunk states the same ${kind === 'followUps' ? 'follow-up' : 'action'} of the same person: the later one was kept`,
          field: null,
        });
        return;
      default:
        assertUnreachable(outcome);
    }
  });
}

/** The PPAE follow-up a line of the "fichier principal" states. */
export function principalFollowUp(record: FranceTravailPrincipalRecord): PartnerFollowUpFacts {
  return {
    ...emptyFollowUpFacts(),
    structureCode: record.agency.safirCode,
    structureName: record.agency.name,
    followUpStructure: record.followUp.structure,
    registeredOn: record.registration.registeredOn,
    registrationCategory: record.registration.category,
    registrationReasonCode: record.registration.reasonCode,
    registrationReason: record.registration.reason,
    accompanimentMode: record.accompanimentMode,
    referent: record.referent,
    startOn: record.followUp.startOn,
    plannedEndOn: record.followUp.plannedEndOn,
    lastPpaeInterviewOn: record.lastPpaeInterviewOn,
    lastInterviewOn: record.lastInterviewOn,
    workAxes: [record.searchAxes.main, record.searchAxes.secondary].filter((axis): axis is string => !!axis),
    rsaBeneficiary: record.rsaBeneficiary,
  };
}

/**
 * France Travail "fichier principal": the job seeker (identity resolution, creation, France Travail identifier), then
 * the PPAE follow-up France Travail states for them (registration, agency, référent, accompaniment mode, PPAE
 * interviews, follow-up period, work axes, `brsa`), recorded as a new state only when it changed.
 */
export async function applyFranceTravailPrincipal(
  records: readonly StagedRecord[],
  context: ApplyContext,
  cipher: NirCipherService,
): Promise<ApplyResult> {
  const lines = records.map((r) => ({ ...r, data: r.data as FranceTravailPrincipalRecord }));
  const result = await applyPersonRecords(
    lines.map((line) => ({ position: line.position, key: line.key, person: line.data.person })),
    context,
    cipher,
    'france_travail',
  );
  const followUps: FollowUpToRecord[] = [];
  const at: Array<{ position: number; key: string }> = [];
  for (const line of lines) {
    const personId = result.personIdByKey.get(line.key);
    if (!personId) continue;
    followUps.push({
      personId,
      partner: 'france_travail',
      kind: 'ppae',
      facts: principalFollowUp(line.data),
    });
    at.push(line);
  }
  const outcomes = await recordPartnerFollowUps(context.manager, followUps, franceTravailProvenance(context));
  countFacts(result, outcomes, at, 'followUps');
  followUpEvents(result, followUps, outcomes, context);
  return result;
}

function followUpEvents(
  result: ApplyResult,
  followUps: readonly FollowUpToRecord[],
  outcomes: readonly PartnerFactOutcome[],
  context: ApplyContext,
): void {
  outcomes.forEach((outcome, index) => {
    if (outcome !== 'created' && outcome !== 'updated') return;
    const { personId, partner, kind } = followUps[index];
    result.events.push({
      type: 'partner.follow_up_changed',
      personId,
      householdId: null,
      effectiveOn: context.referenceDate,
      payload: { partner, kind, change: outcome },
      source: partner,
    });
  });
}

/** A line whose France Travail identifier no person of the hub holds: skipped with a warning (never creates one). */
function skipUnknownPerson(
  result: ApplyResult,
  line: Pick<StagedRecord, 'position' | 'key'>,
  what: string,
  field: string,
): void {
  add(result.counts, 'skipped');
  result.issues.push({
    position: line.position,
    recordKey: line.key,
    severity: 'warning',
    code: 'UNKNOWN_PERSON',
    message: `No person of the hub has this France Travail identifier: ${what} skipped`,
    field,
  });
}

/**
 * France Travail "fichier actions": each line is an action of a person the hub knows by their France Travail
 * identifier (an unknown identifier is skipped with UNKNOWN_PERSON: an action never creates a person), upserted by
 * its natural key. A `CEJ` action also states France Travail's CEJ follow-up (start, planned end); the current CEJ is
 * the latest started, so an older CEJ line leaves it alone.
 */
export async function applyFranceTravailActions(
  records: readonly StagedRecord[],
  context: ApplyContext,
): Promise<ApplyResult> {
  const result = emptyResult();
  const lines = records.map((r) => ({ ...r, data: r.data as FranceTravailActionRecord }));
  const people = await personIdsByIdentifier(
    context,
    'france_travail',
    lines.map((line) => line.data.franceTravailId),
  );
  const actions: ActionToRecord[] = [];
  const actionAt: Array<{ position: number; key: string }> = [];
  const cej = new Map<string, { line: (typeof lines)[number]; facts: PartnerFollowUpFacts }>();
  for (const line of lines) {
    const personId = people.get(line.data.franceTravailId);
    if (!personId) {
      skipUnknownPerson(result, line, 'action', 'identifiant_unique_de');
      continue;
    }
    const { data } = line;
    actions.push({
      personId,
      partner: 'france_travail',
      code: data.actionCode,
      label: data.label,
      themeCode: data.themeCode,
      prescribedOn: data.prescribedOn,
      plannedStartOn: data.plannedStartOn,
      startOn: data.startOn,
      endOn: data.endOn,
      doneOn: data.doneOn,
      trainingObjective: data.trainingObjective,
      training: data.training,
      communeCode: data.communeCode,
    });
    actionAt.push(line);
    if (data.actionCode === 'CEJ') {
      const facts: PartnerFollowUpFacts = {
        ...emptyFollowUpFacts(),
        startOn: data.startOn ?? data.doneOn ?? data.plannedStartOn,
        plannedEndOn: data.endOn,
      };
      const previous = cej.get(personId);
      if (!previous || (facts.startOn ?? '') >= (previous.facts.startOn ?? ''))
        cej.set(personId, { line, facts });
    }
  }
  const provenance = franceTravailProvenance(context);
  countFacts(result, await recordPartnerActions(context.manager, actions, provenance), actionAt, 'actions');

  if (cej.size > 0) {
    const current = (await context.manager.query(
      `SELECT person_id, start_on::text AS start_on FROM partner_follow_up
        WHERE superseded_at IS NULL AND partner = 'france_travail' AND kind = 'cej' AND person_id = ANY($1::uuid[])`,
      [[...cej.keys()]],
    )) as Array<{ person_id: string; start_on: string | null }>;
    const startOf = new Map(current.map((row) => [row.person_id, row.start_on]));
    const followUps: FollowUpToRecord[] = [];
    const at: Array<{ position: number; key: string }> = [];
    for (const [personId, { line, facts }] of cej) {
      const started = startOf.get(personId);
      if (started && facts.startOn && started > facts.startOn) continue;
      followUps.push({ personId, partner: 'france_travail', kind: 'cej', facts });
      at.push(line);
    }
    const outcomes = await recordPartnerFollowUps(context.manager, followUps, provenance);
    countFacts(result, outcomes, at, 'followUps');
    followUpEvents(result, followUps, outcomes, context);
  }
  return result;
}

/** Our diagnostic input for France Travail's "diagnostic argumenté": its themes, objectives and projects. */
export function diagnosticInputOf(record: FranceTravailDiagnosticRecord): DiagnosticInput {
  const themes = new Map<string, DiagnosticThemeInput>();
  for (const theme of record.themes) themes.set(theme.code, { ...theme });
  for (const objective of record.objectives) {
    const theme = themes.get(objective.themeCode) ?? { code: objective.themeCode };
    theme.objectives = [...(theme.objectives ?? []), { code: objective.code, value: objective.value }];
    themes.set(objective.themeCode, theme);
  }
  return {
    themes: [...themes.values()],
    projects: record.projects.map((project) => ({ romeCode: project.romeCode, label: project.label })),
  };
}

function rejectionCodeOf(code: DiagnosticExceptionCode): RejectionCode {
  switch (code) {
    case DiagnosticExceptionCode.UnknownCode:
    case DiagnosticExceptionCode.ClosedCode:
    case DiagnosticExceptionCode.CodeOutsideTheme:
    case DiagnosticExceptionCode.InvalidRomeCode:
      return 'INVALID_CODE';
    case DiagnosticExceptionCode.InvalidValue:
      return 'INVALID_VALUE';
    case DiagnosticExceptionCode.DuplicateTheme:
    case DiagnosticExceptionCode.DuplicateItem:
    case DiagnosticExceptionCode.DuplicateProject:
      return 'SCHEMA_VIOLATION';
    case DiagnosticExceptionCode.PersonNotFound:
      return 'UNKNOWN_PERSON';
    case DiagnosticExceptionCode.ReferentielNotLoaded:
      // An installation fault, not the record's: the job fails and is retried.
      throw new Error('No référentiel version is loaded: France Travail diagnostics cannot be recorded');
    default:
      return assertUnreachable(code);
  }
}

/**
 * France Travail diagnostic API answers: each dossier is recorded on the person the hub knows by the France Travail
 * identifier (unknown: skipped with UNKNOWN_PERSON) as France Travail's statement of the diagnostic, by référentiel
 * code (`DiagnosticService.recordSourceStatement`): a new version only when it says something new, none for an
 * answer older than the one already recorded (`stale`). A record whose codes the référentiel refuses is rejected with
 * its own issue, in a savepoint, so the rest of the chunk is applied.
 */
export async function applyFranceTravailDiagnostics(
  records: readonly StagedRecord[],
  context: ApplyContext,
  diagnostics: DiagnosticService,
): Promise<ApplyResult> {
  const result = emptyResult();
  const lines = records.map((r) => ({ ...r, data: r.data as FranceTravailDiagnosticRecord }));
  const people = await personIdsByIdentifier(
    context,
    'france_travail',
    lines.map((line) => line.data.franceTravailId),
  );
  for (const line of lines) {
    const personId = people.get(line.data.franceTravailId);
    if (!personId) {
      skipUnknownPerson(result, line, 'diagnostic', 'identifiant');
      continue;
    }
    const observedAt = line.data.observedAt ? new Date(line.data.observedAt) : undefined;
    await context.manager.query('SAVEPOINT france_travail_diagnostic');
    try {
      const outcome = await diagnostics.recordSourceStatement(
        context.manager,
        personId,
        diagnosticInputOf(line.data),
        franceTravailProvenance(context, observedAt),
        { agentId: null, organisationId: null },
      );
      await context.manager.query('RELEASE SAVEPOINT france_travail_diagnostic');
      if (outcome.outcome === 'recorded') {
        add(result.counts, 'diagnosticsRecorded');
        result.events.push({
          type: 'diagnostic.recorded',
          personId,
          householdId: null,
          effectiveOn: (observedAt?.toISOString() ?? context.referenceDate).slice(0, 10),
          payload: { diagnosticId: outcome.diagnosticId, version: outcome.version },
          source: 'france_travail',
        });
      } else if (outcome.outcome === 'unchanged') {
        add(result.counts, 'diagnosticsUnchanged');
      } else {
        add(result.counts, 'stale');
      }
    } catch (error) {
      await context.manager.query('ROLLBACK TO SAVEPOINT france_travail_diagnostic');
      if (!(error instanceof DiagnosticException)) throw error;
      add(result.counts, 'rejectedOnApply');
      const fields = (error.details?.['fields'] as string[] | undefined) ?? [];
      const message = `The référentiel refuses this diagnostic (${error.code}): ${error.message}`;
      result.issues.push({
        position: line.position,
        recordKey: line.key,
        severity: 'error',
        code: rejectionCodeOf(error.code),
        message: message.length > 1000 ? `${message.slice(0, 999)}…` : message,
        field:
          fields.length === 0
            ? null
            : `${fields.slice(0, 10).join(', ')}${fields.length > 10 ? ` (+${fields.length - 10})` : ''}`,
      });
    }
  }
  return result;
}
