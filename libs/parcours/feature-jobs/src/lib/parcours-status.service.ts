import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { RsaStatus } from '@spie/household-rights/domain';

import { deriveParcoursStatus, type DerivedParcoursStatus, type ParcoursFacts } from './parcours-stage.util';

export interface ParcoursStatusRecord extends DerivedParcoursStatus {
  personId: string;
  computedAt: Date;
}

export interface RecomputeOptions {
  /** Runs inside the caller's transaction (the demo seed, an import) instead of the data source's own connection. */
  manager?: EntityManager;
  now?: Date;
}

/** Persons recomputed per statement: the queries are set-based, this only bounds their size. */
const CHUNK_SIZE = 500;

interface RightRow {
  target_id: string;
  person_level: boolean;
  reference_month: string;
  status: RsaStatus;
  opened_on: string | null;
  subject_to_rights_and_duties: boolean | null;
}

/**
 * Recomputes the `person_parcours_status` read model from the current facts of the other contexts (RSA right of the
 * person or of their current household, current orientation, contracts), in a few set-based queries, and upserts it.
 * Idempotent: the same facts give the same row; a person that no longer exists loses their row.
 */
@Injectable()
export class ParcoursStatusService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The recomputed status, or null when the person does not exist (any stale status row is removed). */
  async recompute(personId: string, options: RecomputeOptions = {}): Promise<ParcoursStatusRecord | null> {
    return (await this.recomputeMany([personId], options)).get(personId) ?? null;
  }

  /** Marks persons for a later recompute, in the caller's transaction (see `drainPending`). */
  async markPending(
    personIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (personIds.length === 0) return;
    await manager.query(
      `INSERT INTO person_parcours_status_pending (person_id)
       SELECT DISTINCT unnest($1::uuid[]) ON CONFLICT (person_id) DO NOTHING`,
      [[...new Set(personIds)]],
    );
  }

  /**
   * Recomputes up to `limit` pending persons in one transaction (the oldest first; rows another worker is draining are
   * skipped) and removes them from the pending set. Returns how many were recomputed: 0 when nothing is pending.
   */
  async drainPending(limit = 2000, now?: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `DELETE FROM person_parcours_status_pending
          WHERE person_id IN (SELECT person_id FROM person_parcours_status_pending
                               ORDER BY queued_at LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING person_id`,
        [limit],
      )) as [Array<{ person_id: string }>, number];
      const ids = rows[0].map((row) => row.person_id);
      if (ids.length > 0) await this.recomputeMany(ids, { manager, now });
      return ids.length;
    });
  }

  async recomputeMany(
    personIds: readonly string[],
    options: RecomputeOptions = {},
  ): Promise<Map<string, ParcoursStatusRecord>> {
    const manager = options.manager ?? this.dataSource.manager;
    const now = options.now ?? new Date();
    const result = new Map<string, ParcoursStatusRecord>();
    const unique = [...new Set(personIds)];
    for (let start = 0; start < unique.length; start += CHUNK_SIZE) {
      const chunk = unique.slice(start, start + CHUNK_SIZE);
      for (const record of await this.recomputeChunk(manager, chunk, now))
        result.set(record.personId, record);
    }
    return result;
  }

  private async recomputeChunk(
    manager: EntityManager,
    personIds: string[],
    now: Date,
  ): Promise<ParcoursStatusRecord[]> {
    const existing = new Set(
      (
        (await manager.query('SELECT id FROM person WHERE id = ANY($1::uuid[])', [personIds])) as Array<{
          id: string;
        }>
      ).map((row) => row.id),
    );
    const missing = personIds.filter((id) => !existing.has(id));
    if (missing.length > 0) {
      await manager.query('DELETE FROM person_parcours_status WHERE person_id = ANY($1::uuid[])', [missing]);
    }
    const ids = personIds.filter((id) => existing.has(id));
    if (ids.length === 0) return [];

    // One after the other: inside a transaction the manager holds a single connection.
    const rights = await this.rightsOf(manager, ids);
    const orientations = await this.orientationsOf(manager, ids);
    const contracts = await this.contractsOf(manager, ids);
    const records = ids.map((personId): ParcoursStatusRecord => {
      const facts: ParcoursFacts = {
        ...rightFacts(rights.get(personId) ?? []),
        orientedAt: orientations.get(personId) ?? null,
        hasSignedOrActiveContract: contracts.get(personId)?.inForce ?? false,
        contractSignedAt: contracts.get(personId)?.signedAt ?? null,
      };
      return { personId, ...deriveParcoursStatus(facts, now), computedAt: now };
    });
    await this.upsert(manager, records);
    return records;
  }

  /** Every RSA row of the person and of their current households, latest first. */
  private async rightsOf(manager: EntityManager, ids: string[]): Promise<Map<string, RightRow[]>> {
    // Each branch reads its rows directly (no join back to rsa_right_status by id): one index scan per person.
    const rows = (await manager.query(
      `SELECT r.person_id AS target_id, true AS person_level, r.reference_month::text AS reference_month, r.status,
              r.opened_on::text AS opened_on, r.subject_to_rights_and_duties, r.recorded_at
         FROM rsa_right_status r
        WHERE r.person_id = ANY($1::uuid[])
       UNION ALL
       SELECT m.person_id AS target_id, false AS person_level, r.reference_month::text AS reference_month, r.status,
              r.opened_on::text AS opened_on, r.subject_to_rights_and_duties, r.recorded_at
         FROM household_member m
         JOIN rsa_right_status r ON r.household_id = m.household_id AND r.person_id IS NULL
        WHERE m.person_id = ANY($1::uuid[]) AND m.valid_to IS NULL
        ORDER BY target_id, reference_month DESC, person_level DESC, recorded_at DESC`,
      [ids],
    )) as RightRow[];
    return groupBy(rows, (row) => row.target_id);
  }

  private async orientationsOf(manager: EntityManager, ids: string[]): Promise<Map<string, Date>> {
    const rows = (await manager.query(
      'SELECT person_id, decided_at FROM orientation WHERE person_id = ANY($1::uuid[]) AND superseded_at IS NULL',
      [ids],
    )) as Array<{ person_id: string; decided_at: Date }>;
    return new Map(rows.map((row) => [row.person_id, row.decided_at]));
  }

  /** Whether a contract is signed or active, and the latest signature among signed, active and suspended contracts. */
  private async contractsOf(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, { inForce: boolean; signedAt: Date | null }>> {
    const rows = (await manager.query(
      `SELECT c.person_id,
              bool_or(c.status IN ('signed', 'active')) AS in_force,
              max(v.signed_at) AS signed_at
         FROM contract c
         LEFT JOIN contract_version v ON v.contract_id = c.id AND v.signed_at IS NOT NULL
        WHERE c.person_id = ANY($1::uuid[]) AND c.status IN ('signed', 'active', 'suspended')
        GROUP BY c.person_id`,
      [ids],
    )) as Array<{ person_id: string; in_force: boolean; signed_at: Date | null }>;
    return new Map(rows.map((row) => [row.person_id, { inForce: row.in_force, signedAt: row.signed_at }]));
  }

  private async upsert(manager: EntityManager, records: ParcoursStatusRecord[]): Promise<void> {
    await manager.query(
      `INSERT INTO person_parcours_status
              (person_id, stage, subject_to_rights_and_duties, right_opened_on, oriented_at, contract_signed_at,
               days_to_orientation, computed_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::date[], $5::timestamptz[], $6::timestamptz[],
                            $7::int[], $8::timestamptz[])
       ON CONFLICT (person_id) DO UPDATE SET
              stage = EXCLUDED.stage,
              subject_to_rights_and_duties = EXCLUDED.subject_to_rights_and_duties,
              right_opened_on = EXCLUDED.right_opened_on,
              oriented_at = EXCLUDED.oriented_at,
              contract_signed_at = EXCLUDED.contract_signed_at,
              days_to_orientation = EXCLUDED.days_to_orientation,
              computed_at = EXCLUDED.computed_at`,
      [
        records.map((r) => r.personId),
        records.map((r) => r.stage),
        records.map((r) => r.subjectToRightsAndDuties),
        records.map((r) => r.rightOpenedOn),
        records.map((r) => r.orientedAt),
        records.map((r) => r.contractSignedAt),
        records.map((r) => r.daysToOrientation),
        records.map((r) => r.computedAt),
      ],
    );
  }
}

/**
 * The right facts from the rows, latest first: status of the latest row (a person-level row wins over the household's
 * for the same month), opening date from that month, the duty flag from the latest person-level row that states it.
 */
export function rightFacts(
  rows: ReadonlyArray<
    Pick<
      RightRow,
      'person_level' | 'reference_month' | 'status' | 'opened_on' | 'subject_to_rights_and_duties'
    >
  >,
): Pick<ParcoursFacts, 'rightStatus' | 'rightOpenedOn' | 'subjectToRightsAndDuties'> {
  const latest = rows[0];
  if (!latest) return { rightStatus: null, rightOpenedOn: null, subjectToRightsAndDuties: false };
  const sameMonth = rows.filter((row) => row.reference_month === latest.reference_month);
  const flag =
    rows.find((row) => row.person_level && row.subject_to_rights_and_duties !== null) ??
    sameMonth.find((row) => row.subject_to_rights_and_duties !== null);
  return {
    rightStatus: latest.status,
    rightOpenedOn: sameMonth.find((row) => row.opened_on)?.opened_on ?? null,
    subjectToRightsAndDuties: flag?.subject_to_rights_and_duties ?? false,
  };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
