import { createHash } from 'node:crypto';

import type { EntityManager } from 'typeorm';

import {
  partnerActionKey,
  partnerActionStatus,
  type FollowUpKind,
  type FollowUpPartner,
  type PartnerFollowUpFacts,
} from '@spie/orientation/domain';
import type { Provenance } from '@spie/shared/kernel';

/** What happened to one follow-up or action given to a writer. */
export type PartnerFactOutcome = 'created' | 'updated' | 'unchanged' | 'stale' | 'duplicate';

export interface FollowUpToRecord {
  personId: string;
  partner: FollowUpPartner;
  kind: FollowUpKind;
  facts: PartnerFollowUpFacts;
}

export interface ActionToRecord {
  personId: string;
  partner: FollowUpPartner;
  code: string;
  label: string;
  themeCode: string | null;
  prescribedOn: string | null;
  plannedStartOn: string | null;
  startOn: string | null;
  endOn: string | null;
  doneOn: string | null;
  trainingObjective: string | null;
  training: string | null;
  communeCode: string | null;
}

type WriterProvenance = Required<Pick<Provenance, 'source' | 'recordedAt' | 'recordedBy'>> & {
  sourceRef: string | null;
  observedAt: Date;
};

function sha256(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

const later = (stored: Date | null, observed: Date): boolean =>
  stored !== null && stored.getTime() > observed.getTime();

/**
 * Records partners' follow-ups in a few statements whatever their number, inside the caller's transaction. A state
 * equal to the current one is `unchanged`; a different one supersedes it (`updated`, or `created` for a first one);
 * a state observed before the current one is `stale` and written nowhere. Two states of the same follow-up in one
 * call: the last one counts, the earlier ones are `duplicate`. The organisation is found by the structure code
 * (France Travail agency by SAFIR code, mission locale by structure code).
 */
export async function recordPartnerFollowUps(
  manager: EntityManager,
  followUps: readonly FollowUpToRecord[],
  provenance: WriterProvenance,
): Promise<PartnerFactOutcome[]> {
  const outcomes: PartnerFactOutcome[] = followUps.map(() => 'unchanged');
  if (followUps.length === 0) return outcomes;
  const keyOf = (f: { personId: string; partner: string; kind: string }) =>
    `${f.personId}|${f.partner}|${f.kind}`;
  const lastIndex = new Map<string, number>();
  followUps.forEach((followUp, index) => {
    const previous = lastIndex.get(keyOf(followUp));
    if (previous !== undefined) outcomes[previous] = 'duplicate';
    lastIndex.set(keyOf(followUp), index);
  });

  const codes = [...new Set(followUps.map((f) => f.facts.structureCode).filter((c): c is string => !!c))];
  const organisations = (
    codes.length === 0
      ? []
      : await manager.query(
          `SELECT id, type, safir_code, structure_code FROM organisation
            WHERE safir_code = ANY($1::text[]) OR (type = 'mission_locale' AND structure_code = ANY($1::text[]))`,
          [codes],
        )
  ) as Array<{ id: string; type: string; safir_code: string | null; structure_code: string | null }>;
  const organisationOf = (followUp: FollowUpToRecord): string | null => {
    const code = followUp.facts.structureCode;
    if (!code) return null;
    const found = organisations.find((o) =>
      followUp.partner === 'france_travail'
        ? o.safir_code === code
        : o.type === 'mission_locale' && o.structure_code === code,
    );
    return found?.id ?? null;
  };

  const unique = [...lastIndex.values()].map((index) => followUps[index]);
  const current = (await manager.query(
    `SELECT f.id, f.person_id, f.partner, f.kind, f.content_hash, f.observed_at
       FROM partner_follow_up f
       JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS x(person_id, partner, kind)
         ON f.person_id = x.person_id AND f.partner = x.partner AND f.kind = x.kind
      WHERE f.superseded_at IS NULL`,
    [unique.map((f) => f.personId), unique.map((f) => f.partner), unique.map((f) => f.kind)],
  )) as Array<{
    id: string;
    person_id: string;
    partner: string;
    kind: string;
    content_hash: string;
    observed_at: Date | null;
  }>;
  const currentByKey = new Map(current.map((row) => [keyOf({ ...row, personId: row.person_id }), row]));

  const superseded: string[] = [];
  const inserts: Array<Record<string, unknown>> = [];
  for (const index of lastIndex.values()) {
    const followUp = followUps[index];
    const organisationId = organisationOf(followUp);
    const contentHash = sha256({ organisationId, ...followUp.facts });
    const stored = currentByKey.get(keyOf(followUp));
    if (stored && stored.content_hash === contentHash) continue;
    if (stored && later(stored.observed_at, provenance.observedAt)) {
      outcomes[index] = 'stale';
      continue;
    }
    outcomes[index] = stored ? 'updated' : 'created';
    if (stored) superseded.push(stored.id);
    const { facts } = followUp;
    inserts.push({
      person_id: followUp.personId,
      partner: followUp.partner,
      kind: followUp.kind,
      organisation_id: organisationId,
      structure_code: facts.structureCode,
      structure_name: facts.structureName,
      follow_up_structure: facts.followUpStructure,
      registered_on: facts.registeredOn,
      registration_category: facts.registrationCategory,
      registration_reason_code: facts.registrationReasonCode,
      registration_reason: facts.registrationReason,
      accompaniment_mode: facts.accompanimentMode,
      referent_civility: facts.referent?.civility ?? null,
      referent_last_name: facts.referent?.lastName ?? null,
      referent_first_name: facts.referent?.firstName ?? null,
      referent_email: facts.referent?.email ?? null,
      start_on: facts.startOn,
      planned_end_on: facts.plannedEndOn,
      end_on: facts.endOn,
      last_ppae_interview_on: facts.lastPpaeInterviewOn,
      last_interview_on: facts.lastInterviewOn,
      work_axes: facts.workAxes,
      rsa_beneficiary: facts.rsaBeneficiary,
      content_hash: contentHash,
    });
  }
  if (superseded.length > 0) {
    await manager.query(`UPDATE partner_follow_up SET superseded_at = $2 WHERE id = ANY($1::uuid[])`, [
      superseded,
      provenance.recordedAt,
    ]);
  }
  if (inserts.length > 0) {
    await manager.query(
      `INSERT INTO partner_follow_up (person_id, partner, kind, organisation_id, structure_code, structure_name,
              follow_up_structure, registered_on, registration_category, registration_reason_code, registration_reason,
              accompaniment_mode, referent_civility, referent_last_name, referent_first_name, referent_email, start_on,
              planned_end_on, end_on, last_ppae_interview_on, last_interview_on, work_axes, rsa_beneficiary,
              content_hash, source, source_ref, observed_at, recorded_at, recorded_by)
       SELECT x.person_id, x.partner, x.kind, x.organisation_id, x.structure_code, x.structure_name,
              x.follow_up_structure, x.registered_on, x.registration_category, x.registration_reason_code,
              x.registration_reason, x.accompaniment_mode, x.referent_civility, x.referent_last_name,
              x.referent_first_name, x.referent_email, x.start_on, x.planned_end_on, x.end_on,
              x.last_ppae_interview_on, x.last_interview_on, x.work_axes, x.rsa_beneficiary, x.content_hash,
              $2, $3, $4, $5, $6
         FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, partner text, kind text, organisation_id uuid,
              structure_code text, structure_name text, follow_up_structure text, registered_on date,
              registration_category text, registration_reason_code text, registration_reason text,
              accompaniment_mode text, referent_civility text, referent_last_name text, referent_first_name text,
              referent_email text, start_on date, planned_end_on date, end_on date, last_ppae_interview_on date,
              last_interview_on date, work_axes text[], rsa_beneficiary boolean, content_hash text)`,
      [
        JSON.stringify(inserts),
        provenance.source,
        provenance.sourceRef,
        provenance.observedAt,
        provenance.recordedAt,
        provenance.recordedBy,
      ],
    );
  }
  return outcomes;
}

/**
 * Records partners' actions (upsert by person, partner and `partnerActionKey`) in a few statements, inside the
 * caller's transaction. The same values again are `unchanged`; changed values update the row and its provenance,
 * unless the row was observed after this (`stale`). The same action twice in one call: the last one counts, the
 * earlier ones are `duplicate`.
 */
export async function recordPartnerActions(
  manager: EntityManager,
  actions: readonly ActionToRecord[],
  provenance: WriterProvenance,
): Promise<PartnerFactOutcome[]> {
  const outcomes: PartnerFactOutcome[] = actions.map(() => 'unchanged');
  if (actions.length === 0) return outcomes;
  const rows = actions.map((action) => {
    const values = {
      code: action.code,
      label: action.label,
      theme_code: action.themeCode,
      status: partnerActionStatus(action),
      prescribed_on: action.prescribedOn,
      planned_start_on: action.plannedStartOn,
      start_on: action.startOn,
      end_on: action.endOn,
      done_on: action.doneOn,
      training_objective: action.trainingObjective,
      training: action.training,
      commune_code: action.communeCode,
    };
    return {
      person_id: action.personId,
      partner: action.partner,
      action_key: partnerActionKey(action),
      ...values,
      content_hash: sha256(values),
    };
  });
  const keyOf = (row: { person_id: string; partner: string; action_key: string }) =>
    `${row.person_id}|${row.partner}|${row.action_key}`;
  const lastIndex = new Map<string, number>();
  rows.forEach((row, index) => {
    const previous = lastIndex.get(keyOf(row));
    if (previous !== undefined) outcomes[previous] = 'duplicate';
    lastIndex.set(keyOf(row), index);
  });
  const unique = [...lastIndex.values()].map((index) => rows[index]);
  const stored = (await manager.query(
    `SELECT a.person_id, a.partner, a.action_key, a.content_hash, a.observed_at
       FROM partner_action a
       JOIN unnest($1::uuid[], $2::text[], $3::text[]) AS x(person_id, partner, action_key)
         ON a.person_id = x.person_id AND a.partner = x.partner AND a.action_key = x.action_key`,
    [unique.map((r) => r.person_id), unique.map((r) => r.partner), unique.map((r) => r.action_key)],
  )) as Array<{
    person_id: string;
    partner: string;
    action_key: string;
    content_hash: string;
    observed_at: Date | null;
  }>;
  const storedByKey = new Map(stored.map((row) => [keyOf(row), row]));
  const writes: typeof rows = [];
  for (const index of lastIndex.values()) {
    const row = rows[index];
    const existing = storedByKey.get(keyOf(row));
    if (existing && existing.content_hash === row.content_hash) continue;
    if (existing && later(existing.observed_at, provenance.observedAt)) {
      outcomes[index] = 'stale';
      continue;
    }
    outcomes[index] = existing ? 'updated' : 'created';
    writes.push(row);
  }
  if (writes.length > 0) {
    await manager.query(
      `INSERT INTO partner_action (person_id, partner, action_key, code, label, theme_code, status, prescribed_on,
              planned_start_on, start_on, end_on, done_on, training_objective, training, commune_code, content_hash,
              source, source_ref, observed_at, recorded_at, recorded_by)
       SELECT x.person_id, x.partner, x.action_key, x.code, x.label, x.theme_code, x.status, x.prescribed_on,
              x.planned_start_on, x.start_on, x.end_on, x.done_on, x.training_objective, x.training, x.commune_code,
              x.content_hash, $2, $3, $4, $5, $6
         FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, partner text, action_key text, code text, label text,
              theme_code text, status text, prescribed_on date, planned_start_on date, start_on date, end_on date,
              done_on date, training_objective text, training text, commune_code text, content_hash text)
       ON CONFLICT (person_id, partner, action_key) DO UPDATE SET
              code = excluded.code, label = excluded.label, theme_code = excluded.theme_code, status = excluded.status,
              prescribed_on = excluded.prescribed_on, planned_start_on = excluded.planned_start_on,
              start_on = excluded.start_on, end_on = excluded.end_on, done_on = excluded.done_on,
              training_objective = excluded.training_objective, training = excluded.training,
              commune_code = excluded.commune_code, content_hash = excluded.content_hash, source = excluded.source,
              source_ref = excluded.source_ref, observed_at = excluded.observed_at, recorded_at = excluded.recorded_at,
              recorded_by = excluded.recorded_by, updated_at = now()`,
      [
        JSON.stringify(writes),
        provenance.source,
        provenance.sourceRef,
        provenance.observedAt,
        provenance.recordedAt,
        provenance.recordedBy,
      ],
    );
  }
  return outcomes;
}
