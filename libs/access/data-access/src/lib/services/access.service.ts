import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import {
  decidePerson,
  isDataCategory,
  isPurpose,
  Purpose,
  type AccessSubject,
  type ConsentRule,
  type DataCategory,
  type HabilitationGrant,
  type PersonDecision,
  type PersonRelation,
  type WriterSubject,
} from '@spie/access/domain';
import { hasUuidShape } from '@spie/shared/kernel';

import { HabilitationEntity } from '../entities/habilitation.entity';

/** Objects that belong to one person, by the table that holds them (to check a write on a contract, say). */
const OWNED_BY_PERSON: Readonly<Record<string, string>> = {
  contract: 'SELECT person_id FROM contract WHERE id = $1',
  diagnostic: 'SELECT person_id FROM diagnostic WHERE id = $1',
  orientation: 'SELECT person_id FROM orientation WHERE id = $1',
  contract_action: `SELECT c.person_id FROM contract_action a
                       JOIN contract_objective o ON o.id = a.objective_id
                       JOIN contract_version v ON v.id = o.contract_version_id
                       JOIN contract c ON c.id = v.contract_id
                      WHERE a.id = $1`,
};

function categories(values: readonly string[]): DataCategory[] {
  return values.filter(isDataCategory);
}

export function toGrant(row: HabilitationEntity): HabilitationGrant | null {
  if (!isPurpose(row.purpose)) return null;
  return {
    id: row.id,
    organisationId: row.organisationId,
    purpose: row.purpose,
    legalBasis: row.legalBasis,
    read: categories(row.readCategories),
    write: categories(row.writeCategories),
    validFrom: row.validFrom,
    validTo: row.validTo,
    revokedAt: row.revokedAt,
    retentionMonths: row.retentionMonths,
  };
}

/**
 * The data the access policy decides on: habilitations, need to know (the actor's portfolio), the person's consents.
 * Nothing is cached across requests: a revoked habilitation or a new opposition applies to the next request.
 */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * An actor as a writer, from the agent table as it is now (a job acts long after its payload was built): active,
   * roles, organisation and its type. Anything but a known agent is a writer of kind `system` or `person`, who never
   * acts under a habilitation.
   */
  async writerOf(actor: { kind: string; id: string }): Promise<WriterSubject> {
    const none: WriterSubject = {
      kind: actor.kind === 'person' ? 'person' : 'system',
      active: false,
      organisationId: null,
      roles: [],
    };
    if (actor.kind !== 'agent' || !hasUuidShape(actor.id)) return none;
    const [row] = (await this.dataSource.query(
      `SELECT a.active, a.roles, a.organisation_id, o.type AS organisation_type
         FROM agent a JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
      [actor.id],
    )) as Array<{ active: boolean; roles: string[]; organisation_id: string; organisation_type: string }>;
    if (!row) return none;
    return {
      kind: 'agent',
      active: row.active,
      organisationId: row.organisation_id,
      organisationType: row.organisation_type,
      roles: row.roles,
    };
  }

  async grantsOf(organisationId: string | null): Promise<HabilitationGrant[]> {
    if (!organisationId) return [];
    const rows = await this.dataSource.getRepository(HabilitationEntity).findBy({ organisationId });
    return rows.map(toGrant).filter((grant): grant is HabilitationGrant => grant !== null);
  }

  /**
   * Need to know. A person reads only themselves. An agent's organisation sees the people it orients (current
   * orientation to it, or the agent as référent), accompanies (a contract it holds, a partner follow-up it runs); for
   * the orientation purpose, a department also sees the RSA households of its territory (the new entrants it orients).
   */
  async relations(
    subject: AccessSubject,
    grant: HabilitationGrant,
    personIds: readonly string[],
  ): Promise<Map<string, PersonRelation>> {
    const result = new Map<string, PersonRelation>();
    if (personIds.length === 0) return result;
    if (subject.kind === 'person') {
      for (const id of personIds) result.set(id, { inScope: id === subject.id, namedReferent: false });
      return result;
    }
    if (subject.kind !== 'agent' || !subject.organisationId) {
      for (const id of personIds) result.set(id, { inScope: false, namedReferent: false });
      return result;
    }
    const rows = (await this.dataSource.query(
      `SELECT p.id,
              o.referent_agent_id = $3 AS named_referent,
              (o.structure_id = $2 OR o.referent_agent_id = $3
                OR EXISTS (SELECT 1 FROM contract c WHERE c.person_id = p.id AND c.organisation_id = $2 AND c.status <> 'ended')
                OR EXISTS (SELECT 1 FROM partner_follow_up f WHERE f.person_id = p.id AND f.organisation_id = $2
                             AND f.superseded_at IS NULL AND f.end_on IS NULL)
                OR ($4 AND EXISTS (
                     SELECT 1 FROM household_member m JOIN household h ON h.id = m.household_id
                       JOIN organisation org ON org.id = $2 AND org.type = 'department'
                      WHERE m.person_id = p.id AND m.valid_to IS NULL
                        AND ltrim(h.department_code, '0') = ltrim(org.department_code, '0')))
              ) AS in_scope
         FROM unnest($1::uuid[]) AS p(id)
         JOIN person ON person.id = p.id
         LEFT JOIN orientation o ON o.person_id = p.id AND o.superseded_at IS NULL`,
      [personIds, subject.organisationId, subject.id, grant.purpose === Purpose.Orientation],
    )) as Array<{ id: string; named_referent: boolean | null; in_scope: boolean | null }>;
    for (const id of personIds) result.set(id, { inScope: false, namedReferent: false });
    for (const row of rows)
      result.set(row.id, { inScope: !!row.in_scope, namedReferent: !!row.named_referent });
    return result;
  }

  async consentsOf(personIds: readonly string[]): Promise<Map<string, ConsentRule[]>> {
    const result = new Map<string, ConsentRule[]>();
    if (personIds.length === 0) return result;
    const rows = (await this.dataSource.query(
      `SELECT id, person_id, decision, categories, organisation_ids, purposes, period_start, period_end, status
         FROM consent WHERE person_id = ANY($1::uuid[]) AND status = 'active'`,
      [personIds],
    )) as Array<{
      id: string;
      person_id: string;
      decision: 'deny' | 'permit';
      categories: string[];
      organisation_ids: string[];
      purposes: string[];
      period_start: Date;
      period_end: Date | null;
      status: 'active' | 'inactive';
    }>;
    for (const row of rows) {
      const list = result.get(row.person_id) ?? [];
      list.push({
        id: row.id,
        decision: row.decision,
        categories: categories(row.categories),
        organisationIds: row.organisation_ids,
        purposes: row.purposes.filter(isPurpose),
        periodStart: row.period_start,
        periodEnd: row.period_end,
        status: row.status,
      });
      result.set(row.person_id, list);
    }
    return result;
  }

  /** The decision for each person, in one round trip per kind of fact. */
  async decide(
    subject: AccessSubject,
    grant: HabilitationGrant,
    personIds: readonly string[],
    now = new Date(),
  ): Promise<Map<string, PersonDecision>> {
    const unique = [...new Set(personIds)];
    const [relations, consents] = await Promise.all([
      this.relations(subject, grant, unique),
      this.consentsOf(unique),
    ]);
    const result = new Map<string, PersonDecision>();
    for (const id of unique) {
      result.set(
        id,
        decidePerson({
          subject,
          grant,
          relation: relations.get(id) ?? { inScope: false, namedReferent: false },
          consents: consents.get(id) ?? [],
          now,
        }),
      );
    }
    return result;
  }

  /** The person an object belongs to (null when the object does not exist). */
  async personOf(kind: string, id: string): Promise<string | null> {
    const sql = OWNED_BY_PERSON[kind];
    if (!sql) throw new Error(`No owner lookup for ${kind}`);
    if (!hasUuidShape(id)) return null;
    const rows = (await this.dataSource.query(sql, [id])) as Array<{ person_id: string }>;
    return rows[0]?.person_id ?? null;
  }
}
