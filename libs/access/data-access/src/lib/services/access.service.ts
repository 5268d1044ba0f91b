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
import { PreparedEntityRead, PreparedRead } from '@spie/platform/database';
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
  contract_objective: `SELECT c.person_id FROM contract_objective o
                          JOIN contract_version v ON v.id = o.contract_version_id
                          JOIN contract c ON c.id = v.contract_id
                         WHERE o.id = $1`,
};

const GRANTS_OF = new PreparedEntityRead(
  HabilitationEntity,
  'h',
  (columns) => `SELECT ${columns} FROM habilitation h WHERE h.organisation_id = $1`,
);

/**
 * What the policy decides on, in one round trip: the habilitations of the organisation ($2), and for each person ($1)
 * the need to know (the portfolio of the organisation or of the agent $3; the department's territory, which only the
 * orientation purpose adds) and the active consents. JSON keeps the three lists in one row.
 *
 * Two texts: one for a single person, one for a list. PostgreSQL plans a prepared statement once (a generic plan) only
 * when that plan looks no costlier than planning with the values; with `unnest($1)` it guesses ten people and replans
 * at every call (about 1 ms of PostgreSQL CPU here); one person, the common case (`person(id)`), is planned once.
 */
function accessFactsStatement(persons: { from: string; match: string }) {
  return new PreparedRead<{ grants: GrantJson[]; relations: RelationJson[]; consents: ConsentJson[] }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object(
                 'id', h.id, 'organisation_id', h.organisation_id, 'purpose', h.purpose, 'legal_basis', h.legal_basis,
                 'read_categories', h.read_categories, 'write_categories', h.write_categories,
                 'valid_from', h.valid_from, 'valid_to', h.valid_to, 'revoked_at', h.revoked_at,
                 'retention_months', h.retention_months)), '[]'::json)
          FROM habilitation h WHERE h.organisation_id = $2) AS grants,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', p.id,
                 'named_referent', o.referent_agent_id = $3,
                 'in_portfolio', (o.structure_id = $2 OR o.referent_agent_id = $3
                   OR EXISTS (SELECT 1 FROM contract c WHERE c.person_id = p.id AND c.organisation_id = $2 AND c.status <> 'ended')
                   OR EXISTS (SELECT 1 FROM partner_follow_up f WHERE f.person_id = p.id AND f.organisation_id = $2
                                AND f.superseded_at IS NULL AND f.end_on IS NULL)),
                 'in_territory', EXISTS (
                   SELECT 1 FROM household_member m JOIN household h ON h.id = m.household_id
                     JOIN organisation org ON org.id = $2 AND org.type = 'department'
                    WHERE m.person_id = p.id AND m.valid_to IS NULL
                      AND ltrim(h.department_code, '0') = ltrim(org.department_code, '0')))), '[]'::json)
          FROM ${persons.from} AS p(id)
          JOIN person ON person.id = p.id
          LEFT JOIN orientation o ON o.person_id = p.id AND o.superseded_at IS NULL) AS relations,
       (SELECT coalesce(json_agg(json_build_object(
                 'id', id, 'person_id', person_id, 'decision', decision, 'categories', categories,
                 'organisation_ids', organisation_ids, 'purposes', purposes, 'period_start', period_start,
                 'period_end', period_end, 'status', status)), '[]'::json)
          FROM consent WHERE person_id ${persons.match} AND status = 'active') AS consents`,
  );
}

const ACCESS_FACTS_OF_ONE = accessFactsStatement({ from: '(VALUES ($1::uuid))', match: '= $1::uuid' });
const ACCESS_FACTS_OF_MANY = accessFactsStatement({ from: 'unnest($1::uuid[])', match: '= ANY($1::uuid[])' });

interface GrantJson {
  id: string;
  organisation_id: string;
  purpose: string;
  legal_basis: string;
  read_categories: string[];
  write_categories: string[];
  valid_from: string;
  valid_to: string | null;
  revoked_at: string | null;
  retention_months: number;
}

interface RelationJson {
  id: string;
  named_referent: boolean | null;
  in_portfolio: boolean | null;
  in_territory: boolean;
}

interface ConsentJson {
  id: string;
  person_id: string;
  decision: 'deny' | 'permit';
  categories: string[];
  organisation_ids: string[];
  purposes: string[];
  period_start: string;
  period_end: string | null;
  status: 'active' | 'inactive';
}

/** A person as the policy sees them before the purpose is known: need to know both ways, and consents. */
export interface PersonAccessFacts {
  /** Oriented, accompanied or followed by the organisation, or the agent is the référent. */
  inPortfolio: boolean;
  /** A current member of an RSA household of the department's territory (the orientation purpose's new entrants). */
  inTerritory: boolean;
  namedReferent: boolean;
  consents: ConsentRule[];
}

/** The habilitations of the actor's organisation and the facts about some people, read in one snapshot. */
export interface AccessFacts {
  grants: HabilitationGrant[];
  persons: Map<string, PersonAccessFacts>;
}

const timestamp = (value: string | null): Date | null => (value === null ? null : new Date(value));

function categories(values: readonly string[]): DataCategory[] {
  return values.filter(isDataCategory);
}

export function toGrant(
  row: Pick<
    HabilitationEntity,
    | 'id'
    | 'organisationId'
    | 'purpose'
    | 'legalBasis'
    | 'readCategories'
    | 'writeCategories'
    | 'validFrom'
    | 'validTo'
    | 'revokedAt'
    | 'retentionMonths'
  >,
): HabilitationGrant | null {
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
    const rows = await GRANTS_OF.find(this.dataSource, [organisationId]);
    return rows.map(toGrant).filter((grant): grant is HabilitationGrant => grant !== null);
  }

  /**
   * The habilitations of the actor's organisation and, for each person, the need to know and the consents, in one
   * round trip. Need to know: a person reads only themselves; an agent's organisation sees the people it orients
   * (current orientation to it, or the agent as référent), accompanies (a contract it holds, a partner follow-up it
   * runs); for the orientation purpose, a department also sees the RSA households of its territory (`decide`).
   */
  async facts(subject: AccessSubject, personIds: readonly string[]): Promise<AccessFacts> {
    const unique = [...new Set(personIds)];
    const agent = subject.kind === 'agent' && subject.organisationId ? subject : null;
    const [row] =
      unique.length === 1
        ? await ACCESS_FACTS_OF_ONE.rows(this.dataSource, [
            unique[0],
            agent?.organisationId ?? null,
            agent?.id ?? null,
          ])
        : await ACCESS_FACTS_OF_MANY.rows(this.dataSource, [
            unique,
            agent?.organisationId ?? null,
            agent?.id ?? null,
          ]);
    const grants = (row?.grants ?? []).flatMap((grant) => {
      const converted = toGrant({
        id: grant.id,
        organisationId: grant.organisation_id,
        purpose: grant.purpose,
        legalBasis: grant.legal_basis,
        readCategories: grant.read_categories,
        writeCategories: grant.write_categories,
        validFrom: new Date(grant.valid_from),
        validTo: timestamp(grant.valid_to),
        revokedAt: timestamp(grant.revoked_at),
        retentionMonths: grant.retention_months,
      });
      return converted ? [converted] : [];
    });
    const persons = new Map<string, PersonAccessFacts>();
    for (const id of unique) {
      const self = subject.kind === 'person' && id === subject.id;
      persons.set(id, { inPortfolio: self, inTerritory: false, namedReferent: false, consents: [] });
    }
    if (agent) {
      for (const relation of row?.relations ?? []) {
        const facts = persons.get(relation.id);
        if (!facts) continue;
        facts.inPortfolio = !!relation.in_portfolio;
        facts.inTerritory = relation.in_territory;
        facts.namedReferent = !!relation.named_referent;
      }
    }
    for (const consent of row?.consents ?? []) {
      persons.get(consent.person_id)?.consents.push({
        id: consent.id,
        decision: consent.decision,
        categories: categories(consent.categories),
        organisationIds: consent.organisation_ids,
        purposes: consent.purposes.filter(isPurpose),
        periodStart: new Date(consent.period_start),
        periodEnd: timestamp(consent.period_end),
        status: consent.status,
      });
    }
    return { grants, persons };
  }

  /** The decision for each person under the request's habilitation, from facts read by `facts` (or read now). */
  async decide(
    subject: AccessSubject,
    grant: HabilitationGrant,
    personIds: readonly string[],
    now = new Date(),
    known?: AccessFacts,
  ): Promise<Map<string, PersonDecision>> {
    const unique = [...new Set(personIds)];
    const missing = unique.filter((id) => !known?.persons.has(id));
    const read = missing.length > 0 ? (await this.facts(subject, missing)).persons : new Map();
    const result = new Map<string, PersonDecision>();
    for (const id of unique) {
      const facts: PersonAccessFacts | undefined = known?.persons.get(id) ?? read.get(id);
      const relation: PersonRelation = {
        inScope:
          !!facts && (facts.inPortfolio || (grant.purpose === Purpose.Orientation && facts.inTerritory)),
        namedReferent: facts?.namedReferent ?? false,
      };
      result.set(id, decidePerson({ subject, grant, relation, consents: facts?.consents ?? [], now }));
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
