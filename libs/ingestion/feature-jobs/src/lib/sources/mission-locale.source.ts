import { Readable } from 'node:stream';

import { DataCategory } from '@spie/access/domain';
import {
  mapDossier,
  mapRdv,
  type ImiloClient,
  type ImiloEvent,
  type MissionLocaleDossierRecord,
} from '@spie/connectors/mission-locale';
import {
  applyPersonRecords,
  emptyResult,
  add,
  type ApplyResult,
  type StagedRecord,
} from '@spie/ingestion/data-access';
import { IngestFileError, type ParsedItem } from '@spie/ingestion/domain';
import {
  cancelAppointment,
  recordAppointment,
  recordPartnerFollowUps,
  type AppointmentOutcome,
  type FollowUpToRecord,
} from '@spie/orientation/data-access';
import { emptyFollowUpFacts } from '@spie/orientation/domain';
import type { EntityManager } from 'typeorm';

import { applyContextOf, registerSource, type SourceDefinition } from '../source-registry';

/**
 * What an i-Milo event writes: a dossier created or updated gives the young person (identity, identifiers, contact)
 * and the CEJ the mission locale states; any other event writes nothing (it is reported).
 */
export function imiloEventWrites(event: ImiloEvent): DataCategory[] {
  const C = DataCategory;
  return event.type === 'DOSSIER' && (event.action === 'CREATE' || event.action === 'UPDATE')
    ? [C.Identity, C.Contact, C.Orientation]
    : [];
}

/** A poll of the i-Milo event queue, as stored: the events as the client returned them. */
export interface MissionLocaleEventsFile {
  polledAt: string;
  events: ImiloEvent[];
}

async function* parseEvents(input: Readable): AsyncGenerator<ParsedItem<ImiloEvent>> {
  const parts: Buffer[] = [];
  for await (const chunk of input) parts.push(chunk as Buffer);
  let file: MissionLocaleEventsFile;
  try {
    file = JSON.parse(Buffer.concat(parts).toString('utf8')) as MissionLocaleEventsFile;
  } catch {
    throw new IngestFileError('JSON_MALFORMED', 'The stored i-Milo poll is not JSON');
  }
  for (const [index, event] of file.events.entries()) {
    yield { kind: 'record', position: index + 1, key: event.id, data: event, warnings: [] };
  }
}

/**
 * i-Milo events: one chunk (one job) per event. A dossier event fetches the dossier and applies the young person
 * (identity, contact, i-Milo and France Travail identifiers) and the CEJ the mission locale states (a `cej` partner
 * follow-up: structure, start, planned and actual end). An appointment event (`RDV` created or updated) fetches the
 * appointment and records it (`appointment`: when, where, with whom, kind, status), by its i-Milo id so that a
 * replayed event changes nothing; a deleted one is kept as cancelled. The event is acknowledged only after the
 * transaction that applied it committed. Deletions and archives never remove a person: they are reported.
 */
export const missionLocaleSource: SourceDefinition = {
  chunkSize: 1,
  writes: (data) => imiloEventWrites(data as ImiloEvent),
  parse: (input) => parseEvents(input),
  apply: async (records, batch, manager, deps) => {
    const result = emptyResult();
    if (!deps.imilo) throw new Error('IMILO_URL is not configured: mission locale events cannot be applied');
    const people: Array<{
      position: number;
      key: string;
      person: MissionLocaleDossierRecord['person'];
      dossier: MissionLocaleDossierRecord;
    }> = [];
    for (const staged of records) {
      const event = staged.data as ImiloEvent;
      if (event.type === 'RDV' && event.idDossier && event.idType && event.action !== 'ARCHIVE') {
        await applyAppointmentEvent(event, staged, result, manager, batch.id, deps.imilo);
        continue;
      }
      if (
        event.type !== 'DOSSIER' ||
        !event.idDossier ||
        (event.action !== 'CREATE' && event.action !== 'UPDATE')
      ) {
        add(result.counts, 'skipped');
        result.issues.push({
          position: staged.position,
          recordKey: staged.key,
          severity: 'warning',
          code: 'INVALID_VALUE',
          message: `i-Milo event ${event.type ?? '?'} ${event.action ?? '?'} recorded without effect (sessions and archives are not kept; a deletion never removes a person)`,
          field: 'type',
        });
        continue;
      }
      const dossier = await deps.imilo.getDossier(event.idDossier);
      if (!dossier) {
        add(result.counts, 'skipped');
        result.issues.push({
          position: staged.position,
          recordKey: staged.key,
          severity: 'warning',
          code: 'UNKNOWN_PERSON',
          message: 'i-Milo no longer knows this dossier (404)',
          field: 'idDossier',
        });
        continue;
      }
      const mapped = mapDossier(dossier);
      const errors = mapped.issues.filter((i) => i.severity === 'error');
      for (const issue of mapped.issues) {
        result.issues.push({
          position: staged.position,
          recordKey: staged.key,
          severity: issue.severity,
          code: issue.code,
          message: issue.message,
          field: issue.field ?? null,
        });
      }
      if (errors.length > 0) {
        add(result.counts, 'rejectedOnApply');
        continue;
      }
      people.push({
        position: staged.position,
        key: staged.key,
        person: mapped.record.person,
        dossier: mapped.record,
      });
    }
    if (people.length === 0) return result;
    const applied = await applyPersonRecords(
      people,
      applyContextOf(batch, manager),
      deps.cipher,
      'mission_locale',
    );
    for (const [key, value] of Object.entries(result.counts))
      add(applied.counts, key as keyof typeof applied.counts, value);
    applied.issues.push(...result.issues);
    await recordCej(applied, people, manager, batch.id);
    return applied;
  },
  afterCommit: async (records: StagedRecord[], deps) => {
    for (const staged of records) await deps.imilo?.ack((staged.data as ImiloEvent).id);
  },
};

/**
 * One i-Milo appointment event, in the chunk's transaction: created or updated → the appointment as i-Milo now states
 * it (gone from i-Milo → cancelled); deleted → cancelled. The person is the one holding the i-Milo dossier id; an
 * appointment of a dossier the hub does not know is skipped with a warning (the dossier event brings the person).
 * Appointments are counted with the partners' follow-ups.
 */
async function applyAppointmentEvent(
  event: ImiloEvent,
  staged: StagedRecord,
  result: ApplyResult,
  manager: EntityManager,
  batchId: string,
  imilo: ImiloClient,
): Promise<void> {
  const issue = (found: {
    code: string;
    message: string;
    field?: string | null;
    severity: 'error' | 'warning';
  }) =>
    result.issues.push({
      position: staged.position,
      recordKey: staged.key,
      severity: found.severity,
      code: found.code,
      message: found.message,
      field: found.field ?? null,
    });
  const idDossier = event.idDossier as string;
  const idRdv = event.idType as string;
  const now = new Date();
  const observedAt = event.date && !Number.isNaN(Date.parse(event.date)) ? new Date(event.date) : now;
  const provenance = {
    source: 'mission_locale' as const,
    sourceRef: batchId,
    observedAt,
    recordedAt: now,
    recordedBy: 'connector:mission-locale',
  };
  const count = (outcome: AppointmentOutcome) => {
    if (outcome === 'created') add(result.counts, 'followUpsCreated');
    else if (outcome === 'updated') add(result.counts, 'followUpsUpdated');
    else if (outcome === 'unchanged') add(result.counts, 'followUpsUnchanged');
    else if (outcome === 'stale') add(result.counts, 'stale');
    else add(result.counts, 'skipped');
  };
  const rdv = event.action === 'DELETE' ? null : await imilo.getRdv(idDossier, idRdv);
  if (!rdv) {
    const outcome = await cancelAppointment(manager, 'mission_locale', idRdv, provenance);
    count(outcome);
    if (outcome === 'unknown')
      issue({
        code: 'INVALID_VALUE',
        message: 'i-Milo does not know this appointment and the hub never had it: recorded without effect',
        field: 'idType',
        severity: 'warning',
      });
    return;
  }
  const [holder] = (await manager.query(
    `SELECT person_id FROM person_identifier WHERE system = 'mission_locale_imilo' AND value = $1`,
    [idDossier],
  )) as Array<{ person_id: string }>;
  if (!holder) {
    add(result.counts, 'skipped');
    issue({
      code: 'UNKNOWN_PERSON',
      message: 'No person holds this i-Milo dossier yet',
      field: 'idDossier',
      severity: 'warning',
    });
    return;
  }
  const mapped = mapRdv(rdv);
  for (const found of mapped.issues) issue(found);
  if (mapped.issues.some((found) => found.severity === 'error')) {
    add(result.counts, 'rejectedOnApply');
    return;
  }
  const record = mapped.record;
  count(
    await recordAppointment(
      manager,
      {
        personId: holder.person_id,
        partner: 'mission_locale',
        externalId: record.id,
        facts: {
          startsAt: record.startsAt,
          endsAt: record.endsAt,
          kind: record.type,
          subject: record.subject,
          place: record.place,
          withWhom: record.adviser,
          status: record.status,
        },
      },
      provenance,
    ),
  );
}

/** The CEJ of each applied dossier, as a `cej` follow-up of the mission locale (a new state only when it changed). */
async function recordCej(
  result: ApplyResult & { personIdByKey: Map<string, string> },
  people: ReadonlyArray<{ key: string; dossier: MissionLocaleDossierRecord }>,
  manager: EntityManager,
  batchId: string,
): Promise<void> {
  const followUps: FollowUpToRecord[] = [];
  for (const { key, dossier } of people) {
    const personId = result.personIdByKey.get(key);
    if (!personId || !dossier.cej) continue;
    followUps.push({
      personId,
      partner: 'mission_locale',
      kind: 'cej',
      facts: {
        ...emptyFollowUpFacts(),
        structureCode: dossier.structure?.code ?? null,
        structureName: dossier.structure?.name ?? null,
        followUpStructure: dossier.structure?.usualName ?? null,
        startOn: dossier.cej.startOn,
        plannedEndOn: dossier.cej.plannedEndOn,
        endOn: dossier.cej.actualEndOn,
      },
    });
  }
  const now = new Date();
  const outcomes = await recordPartnerFollowUps(manager, followUps, {
    source: 'mission_locale',
    sourceRef: batchId,
    // The dossier was read from i-Milo just now: that is when the mission locale said it.
    observedAt: now,
    recordedAt: now,
    recordedBy: 'connector:mission-locale',
  });
  outcomes.forEach((outcome, index) => {
    if (outcome === 'created') add(result.counts, 'followUpsCreated');
    else if (outcome === 'updated') add(result.counts, 'followUpsUpdated');
    else if (outcome === 'unchanged') add(result.counts, 'followUpsUnchanged');
    else add(result.counts, outcome === 'stale' ? 'stale' : 'skipped');
    if (outcome === 'created' || outcome === 'updated') {
      result.events.push({
        type: 'partner.follow_up_changed',
        personId: followUps[index].personId,
        householdId: null,
        effectiveOn: now.toISOString().slice(0, 10),
        payload: { partner: 'mission_locale', kind: 'cej', change: outcome },
        source: 'mission_locale',
      });
    }
  });
}

registerSource('mission-locale', missionLocaleSource);

export function eventsFile(events: ImiloEvent[], polledAt = new Date()): Readable {
  const file: MissionLocaleEventsFile = { polledAt: polledAt.toISOString(), events };
  return Readable.from([Buffer.from(JSON.stringify(file))]);
}
