import { randomUUID } from 'node:crypto';

import type { CafHouseholdRecord } from '@spie/connectors/caf-msa';
import { isRsaRightOpen, rsaStatusFromEtatDossier, type RsaStatus } from '@spie/household-rights/domain';
import type { NirCipherService } from '@spie/person/data-access';
import { copyRows, type CopyValue } from '@spie/platform/database';

import type { StagedRecord } from '../entities/import-chunk.entity';
import type { ImportCounts } from '../entities/import-batch.entity';
import { add, emptyResult, type ApplyContext, type ApplyResult } from './apply-context';
import { encryptedNir, PersonBulkStore, toKnown, type KnownPerson } from './person-bulk-store';

interface HouseholdRow {
  id: string;
  organisme: string;
  matricule: string;
  last_reference_at: Date | null;
  content_hash: string | null;
}

interface LatestRight {
  household_id: string;
  person_id: string | null;
  status: RsaStatus;
  etat_dossier: string;
  suspension_reason: string | null;
  suspended_on: string | null;
  closure_reason: string | null;
  closed_on: string | null;
  subject_to_rights_and_duties: boolean | null;
  opened_on: string | null;
}

const CLOSED: ReadonlySet<RsaStatus> = new Set(['closed', 'closed_previous', 'refused']);
const SUSPENDED: ReadonlySet<RsaStatus> = new Set(['open_suspended', 'suspended_payment']);

/**
 * Settles, before any apply job, the households whose content hash is the one already stored: nothing of theirs
 * changes but the date of the latest flux that confirmed them (so that an older flux arriving later is seen as stale).
 * One statement per chunk; the others are returned to be applied.
 */
export async function settleUnchangedHouseholds(
  records: StagedRecord[],
  context: Pick<ApplyContext, 'manager' | 'referenceDate'>,
): Promise<{ keep: StagedRecord[]; counts: Partial<ImportCounts> }> {
  const counts: Partial<ImportCounts> = {};
  if (records.length === 0) return { keep: records, counts };
  const households = records.map((r) => r.data as CafHouseholdRecord);
  const [rows] = (await context.manager.query(
    // Rows are locked in key order, as the applier does, so that two batches never deadlock on the same households.
    `WITH locked AS (
       SELECT h.id FROM household h
         JOIN unnest($1::text[], $2::text[], $3::text[]) AS x(organisme, matricule, content_hash)
           ON h.organisme = x.organisme AND h.matricule = x.matricule AND h.content_hash = x.content_hash
        ORDER BY h.organisme, h.matricule FOR UPDATE OF h)
     UPDATE household h SET last_reference_at = greatest(h.last_reference_at, $4::timestamptz)
       FROM locked WHERE h.id = locked.id
      RETURNING h.organisme, h.matricule, h.last_reference_at > $4::timestamptz AS stale`,
    [
      households.map((h) => h.organisme),
      households.map((h) => h.matricule),
      households.map((h) => h.contentHash),
      `${context.referenceDate}T00:00:00Z`,
    ],
  )) as [Array<{ organisme: string; matricule: string; stale: boolean }>, number];
  if (rows.length === 0) return { keep: records, counts };
  const settled = new Map(rows.map((row) => [`${row.organisme}:${row.matricule}`, row.stale]));
  const keep: StagedRecord[] = [];
  for (const [index, record] of records.entries()) {
    const household = households[index];
    const stale = settled.get(`${household.organisme}:${household.matricule}`);
    if (stale === undefined) {
      keep.push(record);
      continue;
    }
    if (stale) add(counts, 'stale');
    add(counts, 'householdsUnchanged');
    add(counts, 'personsUnchanged', household.members.length);
  }
  return { keep, counts };
}

/**
 * Applies a chunk of CAF/MSA households in one transaction, set-based. A household whose content hash is unchanged is
 * skipped; one whose stored state is newer than the flux (`DTREF`) is left alone (`stale`); the others are created or
 * updated with their members (identity resolution), memberships, rights history and domain events.
 */
export async function applyCafHouseholds(
  records: readonly StagedRecord[],
  context: ApplyContext,
  cipher: NirCipherService,
): Promise<ApplyResult> {
  const { manager } = context;
  const result = emptyResult();
  const referenceAt = new Date(`${context.referenceDate}T00:00:00Z`);
  const referenceMonth = `${context.referenceDate.slice(0, 7)}-01`;
  const households = records.map((r) => ({ staged: r, data: r.data as CafHouseholdRecord }));
  const keys = [...households].sort((a, b) => a.staged.key.localeCompare(b.staged.key));

  const existingRows = (await manager.query(
    `SELECT id, organisme, matricule, last_reference_at, content_hash FROM household
      WHERE (organisme, matricule) IN (SELECT * FROM unnest($1::text[], $2::text[]))
      ORDER BY organisme, matricule FOR UPDATE`,
    [keys.map((h) => h.data.organisme), keys.map((h) => h.data.matricule)],
  )) as HouseholdRow[];
  const existing = new Map(existingRows.map((row) => [`${row.organisme}:${row.matricule}`, row]));

  const toApply: Array<{ staged: StagedRecord; data: CafHouseholdRecord; row: HouseholdRow | null }> = [];
  const confirmed: string[] = [];
  for (const household of households) {
    const row = existing.get(`${household.data.organisme}:${household.data.matricule}`) ?? null;
    if (row?.last_reference_at && row.last_reference_at.getTime() > referenceAt.getTime()) {
      add(result.counts, 'stale');
      add(result.counts, 'householdsUnchanged');
      add(result.counts, 'personsUnchanged', household.data.members.length);
      continue;
    }
    if (row && row.content_hash === household.data.contentHash) {
      // Settled at staging time, unless another batch changed it since: only the confirmation date moves.
      confirmed.push(row.id);
      add(result.counts, 'householdsUnchanged');
      add(result.counts, 'personsUnchanged', household.data.members.length);
      continue;
    }
    toApply.push({ ...household, row });
  }
  if (confirmed.length > 0) {
    await manager.query(`UPDATE household SET last_reference_at = $2 WHERE id = ANY($1::uuid[])`, [
      confirmed,
      referenceAt,
    ]);
  }
  if (toApply.length === 0) return result;

  const source = toApply[0].data.organisme;
  const store = new PersonBulkStore(manager, cipher, source);
  const existingIds = toApply.map((h) => h.row?.id).filter((id): id is string => !!id);
  const memberRows = (await manager.query(
    `SELECT m.household_id, m.person_id, m.role, p.nir_hash, p.last_name, p.birth_name, p.first_names,
            p.birth_date::text AS birth_date, p.birth_place, p.sex, p.email, p.phone, p.address,
            p.last_name_normalized, p.birth_name_normalized, p.first_name_normalized
       FROM household_member m JOIN person p ON p.id = m.person_id
      WHERE m.household_id = ANY($1::uuid[]) AND m.valid_to IS NULL`,
    [existingIds],
  )) as Array<Record<string, unknown>>;
  const membersOf = new Map<string, Array<{ person: KnownPerson; role: string }>>();
  for (const row of memberRows) {
    const list = membersOf.get(row['household_id'] as string) ?? [];
    list.push({ person: toKnown(row, 'person_id'), role: row['role'] as string });
    membersOf.set(row['household_id'] as string, list);
  }
  const latestRights = (await manager.query(
    `SELECT DISTINCT ON (household_id, person_id) household_id, person_id, status, etat_dossier, suspension_reason,
            suspended_on::text AS suspended_on, closure_reason, closed_on::text AS closed_on,
            subject_to_rights_and_duties, opened_on::text AS opened_on
       FROM rsa_right_status WHERE household_id = ANY($1::uuid[])
      ORDER BY household_id, person_id, reference_month DESC, recorded_at DESC`,
    [existingIds],
  )) as LatestRight[];
  const latest = new Map(latestRights.map((r) => [`${r.household_id}|${r.person_id ?? ''}`, r]));

  const prepared = toApply.map((h) => h.data.members.map((m) => store.prepare(m)));
  await store.load(prepared.flat());

  const householdInserts: Array<Record<string, unknown>> = [];
  const householdUpdates: Array<Record<string, unknown>> = [];
  const memberCloses: string[] = [];
  const memberOpens: Array<Record<string, unknown>> = [];
  const rights: Array<Record<string, unknown>> = [];
  const dossierIdentifiers: Array<{ person: KnownPerson; value: string; role: string }> = [];
  const enteredDuties: Array<{ personId: string; householdId: string }> = [];

  for (const [index, { staged, data, row }] of toApply.entries()) {
    const householdId = row?.id ?? randomUUID();
    const values = {
      id: householdId,
      organisme: data.organisme,
      organisme_code: data.organismeCode || null,
      matricule: data.matricule,
      num_dem_rsa: data.numDemRsa,
      department_code: data.departmentCode ?? context.options['departmentCode'] ?? '',
      family_situation: data.familySituation,
      homeless: data.homeless,
      address: data.address,
      last_reference_at: referenceAt.toISOString(),
      content_hash: data.contentHash,
    };
    (row ? householdUpdates : householdInserts).push(values);
    add(result.counts, row ? 'householdsUpdated' : 'householdsCreated');

    const current = row ? (membersOf.get(row.id) ?? []) : [];
    const desired = new Map<string, { person: KnownPerson; role: string; changed: boolean }>();
    const resolvedMembers: Array<KnownPerson | undefined> = [];
    for (const [m, member] of data.members.entries()) {
      const resolution = store.resolve(
        prepared[index][m],
        current.map((c) => c.person),
      );
      if (resolution.kind === 'conflict') {
        add(result.counts, 'conflicts');
        const { nir, ...observation } = member;
        result.conflicts.push({
          position: staged.position,
          recordKey: staged.key,
          reason: resolution.reason,
          candidatePersonIds: resolution.candidates,
          observation: {
            ...observation,
            nirEncrypted: encryptedNir(cipher, prepared[index][m].nir),
            nirGiven: !!nir,
          },
          context: {
            householdId,
            organisme: data.organisme,
            matricule: data.matricule,
            role: member.role,
            referenceDate: context.referenceDate,
          },
        });
        continue;
      }
      const person = resolution.person;
      resolvedMembers[m] = person;
      const changed = resolution.kind === 'new' ? true : store.merge(person, prepared[index][m]);
      if (resolution.kind === 'new') {
        add(result.counts, 'personsCreated');
        result.events.push({
          type: 'person.created',
          personId: person.id,
          householdId,
          effectiveOn: context.referenceDate,
          payload: { role: member.role },
          source,
        });
      }
      desired.set(person.id, { person, role: member.role, changed: changed || resolution.kind === 'new' });
      if (member.responsible || member.role === 'DEM') {
        dossierIdentifiers.push({
          person,
          value: `${data.organismeCode}:${data.matricule}`,
          role: member.role,
        });
      }
    }

    // Memberships: close what ended or changed role, open what is new.
    const open = new Map(current.map((c) => [c.person.id, c.role]));
    for (const [personId, role] of open) {
      const next = desired.get(personId);
      if (!next || next.role !== role) memberCloses.push(`${householdId}|${personId}`);
    }
    const touched = new Set<string>();
    for (const [personId, next] of desired) {
      if (open.get(personId) !== next.role) {
        memberOpens.push({
          household_id: householdId,
          person_id: personId,
          role: next.role,
          valid_from: referenceMonth,
        });
        touched.add(personId);
      }
    }

    // Rights: the household's state, then each member's rights-and-duties flag, when they differ from the latest.
    const status = rsaStatusFromEtatDossier(data.right.etatDossier);
    const previous = latest.get(`${householdId}|`);
    const right = {
      household_id: householdId,
      person_id: null as string | null,
      reference_month: referenceMonth,
      etat_dossier: data.right.etatDossier,
      status,
      opened_on:
        previous?.opened_on ?? (isRsaRightOpen(status) ? (data.requestedOn ?? referenceMonth) : null),
      suspension_reason: SUSPENDED.has(status) ? data.right.suspensionReason : null,
      suspended_on: SUSPENDED.has(status) ? data.right.suspendedOn : null,
      closure_reason: CLOSED.has(status) ? data.right.closureReason : null,
      closed_on: CLOSED.has(status) ? data.right.closedOn : null,
      subject_to_rights_and_duties: data.right.householdSubjectToRightsAndDuties,
    };
    if (!previous || differs(previous, right)) {
      rights.push(right);
      const event = transition(previous?.status ?? null, status);
      if (event) {
        result.events.push({
          type: event,
          personId: null,
          householdId,
          effectiveOn: context.referenceDate,
          payload: {
            status,
            etatDossier: data.right.etatDossier,
            suspensionReason: right.suspension_reason,
            closureReason: right.closure_reason,
            personIds: [...desired.keys()],
          },
          source,
        });
      }
      for (const personId of desired.keys()) touched.add(personId);
    }
    for (const [m, member] of data.members.entries()) {
      const resolved = resolvedMembers[m];
      if (!resolved || member.subjectToRightsAndDuties === null) continue;
      const personId = resolved.id;
      const before = latest.get(`${householdId}|${personId}`);
      if (
        before?.subject_to_rights_and_duties === member.subjectToRightsAndDuties &&
        before.status === status
      )
        continue;
      rights.push({
        ...right,
        person_id: personId,
        subject_to_rights_and_duties: member.subjectToRightsAndDuties,
      });
      touched.add(personId);
      if (
        member.subjectToRightsAndDuties &&
        before?.subject_to_rights_and_duties !== true &&
        isRsaRightOpen(status)
      ) {
        enteredDuties.push({ personId, householdId });
      }
    }
    for (const { person, changed } of desired.values()) {
      if (person.isNew) continue;
      add(result.counts, changed || touched.has(person.id) ? 'personsUpdated' : 'personsUnchanged');
    }
    for (const personId of [...desired.keys()]) result.touchedPersonIds.push(personId);
  }

  for (const { person, value, role } of dossierIdentifiers) {
    store.addIdentifiers(person, {
      identifiers: [{ system: source === 'msa' ? 'msa_dossier' : 'caf_dossier', value, qualifier: role }],
      lastName: person.lastName,
      firstNames: person.firstNames,
    });
  }

  const provenance = {
    sourceRef: context.batchId,
    observedAt: referenceAt,
    recordedAt: new Date(),
    recordedBy: context.recordedBy,
  };
  await store.flush(provenance);
  const base = [source, context.batchId, referenceAt, provenance.recordedAt, context.recordedBy];
  const householdColumns = [
    'id',
    'organisme',
    'organisme_code',
    'matricule',
    'num_dem_rsa',
    'department_code',
    'family_situation',
    'homeless',
    'address',
    'last_reference_at',
    'content_hash',
  ] as const;
  await copyRows(
    manager,
    'household',
    householdColumns,
    householdInserts.map((h) => householdColumns.map((column) => h[column] as CopyValue)),
  );
  if (householdUpdates.length > 0) {
    await manager.query(
      `UPDATE household h SET organisme_code = x.organisme_code, num_dem_rsa = x.num_dem_rsa, department_code = x.department_code,
              family_situation = x.family_situation, homeless = x.homeless, address = x.address,
              last_reference_at = x.last_reference_at, content_hash = x.content_hash, updated_at = now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, organisme_code text, num_dem_rsa text, department_code text,
              family_situation text, homeless boolean, address jsonb, last_reference_at timestamptz, content_hash text)
        WHERE h.id = x.id`,
      [JSON.stringify(householdUpdates)],
    );
  }
  if (memberCloses.length > 0) {
    await manager.query(
      `UPDATE household_member m SET valid_to = $2::date
        WHERE m.valid_to IS NULL AND (m.household_id::text || '|' || m.person_id::text) = ANY($1::text[])`,
      [memberCloses, referenceMonth],
    );
  }
  const provenanceColumns = ['source', 'source_ref', 'observed_at', 'recorded_at', 'recorded_by'] as const;
  const provenanceValues = base as CopyValue[];
  await copyRows(
    manager,
    'household_member',
    ['household_id', 'person_id', 'role', 'valid_from', ...provenanceColumns],
    memberOpens.map(
      (m) =>
        [m['household_id'], m['person_id'], m['role'], m['valid_from'], ...provenanceValues] as CopyValue[],
    ),
  );
  const rightColumns = [
    'household_id',
    'person_id',
    'reference_month',
    'etat_dossier',
    'status',
    'opened_on',
    'suspension_reason',
    'suspended_on',
    'closure_reason',
    'closed_on',
    'subject_to_rights_and_duties',
  ] as const;
  await copyRows(
    manager,
    'rsa_right_status',
    [...rightColumns, ...provenanceColumns],
    rights.map((r) => [...rightColumns.map((column) => r[column] as CopyValue), ...provenanceValues]),
  );
  if (enteredDuties.length > 0) {
    const oriented = new Set(
      (
        (await manager.query(`SELECT DISTINCT person_id FROM orientation WHERE person_id = ANY($1::uuid[])`, [
          enteredDuties.map((e) => e.personId),
        ])) as Array<{ person_id: string }>
      ).map((r) => r.person_id),
    );
    for (const { personId, householdId } of enteredDuties) {
      result.events.push({
        type: 'person.entered_rights_and_duties',
        personId,
        householdId,
        effectiveOn: context.referenceDate,
        payload: {},
        source,
      });
      if (!oriented.has(personId)) {
        result.events.push({
          type: 'person.needs_orientation',
          personId,
          householdId,
          effectiveOn: context.referenceDate,
          payload: {},
          source,
        });
      }
    }
  }
  return result;
}

function differs(previous: LatestRight, next: Record<string, unknown>): boolean {
  return (
    previous.etat_dossier !== next['etat_dossier'] ||
    (previous.suspension_reason ?? null) !== next['suspension_reason'] ||
    (previous.suspended_on ?? null) !== next['suspended_on'] ||
    (previous.closure_reason ?? null) !== next['closure_reason'] ||
    (previous.closed_on ?? null) !== next['closed_on'] ||
    (previous.subject_to_rights_and_duties ?? null) !== (next['subject_to_rights_and_duties'] ?? null)
  );
}

function transition(
  previous: RsaStatus | null,
  next: RsaStatus,
): 'rsa.right_opened' | 'rsa.right_suspended' | 'rsa.right_closed' | null {
  if (next === 'open' && (previous === null || !isRsaRightOpen(previous))) return 'rsa.right_opened';
  if (SUSPENDED.has(next) && (previous === null || !SUSPENDED.has(previous))) return 'rsa.right_suspended';
  if (CLOSED.has(next) && (previous === null || !CLOSED.has(previous))) return 'rsa.right_closed';
  return null;
}
