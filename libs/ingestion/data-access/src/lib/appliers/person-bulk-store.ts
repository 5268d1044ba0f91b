import { randomUUID } from 'node:crypto';

import type { EntityManager } from 'typeorm';

import type { PersonObservation } from '@spie/ingestion/domain';
import type { NirCipherService } from '@spie/person/data-access';
import { normalizeName, parseNir, type Nir } from '@spie/person/domain';
import { copyRows, type CopyValue } from '@spie/platform/database';
import type { SourceSystem } from '@spie/shared/kernel';

import type { IdentityConflictReason } from '../entities/identity-conflict.entity';

/** A known person as identity resolution sees them. */
export interface KnownPerson {
  id: string;
  nirHash: string | null;
  lastName: string;
  birthName: string | null;
  firstNames: string[];
  birthDate: string | null;
  birthPlace: string | null;
  sex: string | null;
  email: string | null;
  phone: string | null;
  address: unknown;
  lastNameNormalized: string;
  birthNameNormalized: string | null;
  firstNameNormalized: string;
  /** True when created in this chunk. */
  isNew?: boolean;
}

export type Resolution =
  | { kind: 'match'; person: KnownPerson }
  | { kind: 'new'; person: KnownPerson }
  | { kind: 'conflict'; reason: IdentityConflictReason; candidates: string[] };

interface PreparedObservation {
  observation: PersonObservation;
  nir: Nir | null;
  nirHash: string | null;
}

const IDENTITY_FIELDS = ['lastName', 'birthName', 'firstNames', 'birthDate', 'birthPlace', 'sex'] as const;
const CONTACT_FIELDS = ['email', 'phone', 'address'] as const;
type PersonField = (typeof IDENTITY_FIELDS)[number] | (typeof CONTACT_FIELDS)[number];

/**
 * Identity resolution and writes of people for one chunk, set-based: a handful of queries whatever the chunk size.
 * Order: NIR (keyed hash) → partner identifier → identity and birth date within the household → identity and birth
 * date anywhere. Same identity with another NIR, or several candidates, is a conflict for the review queue.
 *
 * Precedence of values: CAF/MSA (certified identity, `TOPVALIEC`) overwrite identity fields; other sources only fill
 * blanks. Contact details follow the last source that gave them. Every change is a `person_history` row.
 */
export class PersonBulkStore {
  private readonly byNirHash = new Map<string, KnownPerson>();
  private readonly byIdentifier = new Map<string, KnownPerson>();
  private readonly byIdentity = new Map<string, KnownPerson[]>();
  private readonly created: KnownPerson[] = [];
  private readonly createdNirs = new Map<string, Nir>();
  private readonly changes = new Map<
    string,
    { person: KnownPerson; fields: Map<PersonField, [unknown, unknown]> }
  >();
  private readonly nirUpdates = new Map<string, Nir>();
  private readonly identifiers: Array<{
    personId: string;
    system: string;
    value: string;
    qualifier: string | null;
  }> = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly cipher: NirCipherService,
    private readonly source: SourceSystem,
  ) {}

  prepare(observation: PersonObservation): PreparedObservation {
    if (!observation.nir) return { observation, nir: null, nirHash: null };
    const parsed = parseNir(observation.nir);
    if (!parsed.ok) return { observation, nir: null, nirHash: null };
    return { observation, nir: parsed.value, nirHash: this.cipher.lookupHash(parsed.value) };
  }

  /** Loads every known person that any of the observations could be (three queries). */
  async load(prepared: readonly PreparedObservation[]): Promise<void> {
    const hashes = [...new Set(prepared.map((p) => p.nirHash).filter((h): h is string => !!h))];
    const systems: string[] = [];
    const values: string[] = [];
    for (const { observation } of prepared) {
      for (const identifier of observation.identifiers) {
        systems.push(identifier.system);
        values.push(identifier.value);
      }
    }
    const names: string[] = [];
    const dates: string[] = [];
    for (const { observation } of prepared) {
      if (!observation.birthDate) continue;
      names.push(normalizeName(observation.lastName));
      dates.push(observation.birthDate);
      if (observation.birthName) {
        names.push(normalizeName(observation.birthName));
        dates.push(observation.birthDate);
      }
    }
    // One indexed lookup per way of matching, united: an OR across them made PostgreSQL scan the whole person table
    // for every chunk, so that ingesting got slower as the hub grew.
    const rows = (await this.manager.query(
      `WITH candidate AS (
         SELECT p.id FROM person p WHERE p.nir_hash = ANY($1::text[])
         UNION
         SELECT i.person_id FROM person_identifier i
           JOIN unnest($2::text[], $3::text[]) AS k(system, value) ON i.system = k.system AND i.value = k.value
         UNION
         SELECT p.id FROM person p
           JOIN unnest($4::text[], $5::date[]) AS x(n, d) ON p.last_name_normalized = x.n AND p.birth_date = x.d
         UNION
         SELECT p.id FROM person p
           JOIN unnest($4::text[], $5::date[]) AS x(n, d) ON p.birth_name_normalized = x.n AND p.birth_date = x.d
       )
       SELECT p.id, p.nir_hash, p.last_name, p.birth_name, p.first_names, p.birth_date::text AS birth_date, p.birth_place,
              p.sex, p.email, p.phone, p.address, p.last_name_normalized, p.birth_name_normalized, p.first_name_normalized,
              i.system, i.value
         FROM candidate c
         JOIN person p ON p.id = c.id
         LEFT JOIN person_identifier i
           ON i.person_id = p.id AND (i.system, i.value) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [hashes, systems, values, names, dates],
    )) as Array<Record<string, unknown>>;
    for (const row of rows) {
      const person = this.remember(toKnown(row));
      if (row['system']) this.byIdentifier.set(`${row['system']}|${row['value']}`, person);
    }
  }

  /** Resolves one observation; `household` are the current members of its household (matched first by identity). */
  resolve(prepared: PreparedObservation, household: readonly KnownPerson[] = []): Resolution {
    const { observation, nirHash } = prepared;
    if (nirHash) {
      const person = this.byNirHash.get(nirHash);
      if (person) return { kind: 'match', person };
    }
    for (const identifier of observation.identifiers) {
      const person = this.byIdentifier.get(`${identifier.system}|${identifier.value}`);
      if (!person) continue;
      if (nirHash && person.nirHash && person.nirHash !== nirHash) {
        return { kind: 'conflict', reason: 'IDENTIFIER_OTHER_IDENTITY', candidates: [person.id] };
      }
      return { kind: 'match', person };
    }
    const first = normalizeName(observation.firstNames.join(' '));
    const sameIdentity = (p: KnownPerson): boolean =>
      !!observation.birthDate &&
      p.birthDate === observation.birthDate &&
      sameFirstName(p.firstNameNormalized, first) &&
      [
        normalizeName(observation.lastName),
        observation.birthName ? normalizeName(observation.birthName) : null,
      ]
        .filter(Boolean)
        .some((name) => name === p.lastNameNormalized || name === p.birthNameNormalized);
    const inHousehold = household.filter(sameIdentity);
    const candidates =
      inHousehold.length > 0 ? inHousehold : this.identityCandidates(observation).filter(sameIdentity);
    if (candidates.length > 0) {
      const otherNir = candidates.filter((p) => p.nirHash && nirHash && p.nirHash !== nirHash);
      if (otherNir.length > 0) {
        return { kind: 'conflict', reason: 'SAME_IDENTITY_OTHER_NIR', candidates: otherNir.map((p) => p.id) };
      }
      if (candidates.length > 1) {
        return { kind: 'conflict', reason: 'AMBIGUOUS_IDENTITY', candidates: candidates.map((p) => p.id) };
      }
      return { kind: 'match', person: candidates[0] };
    }
    return { kind: 'new', person: this.create(prepared) };
  }

  /**
   * Applies what the source says of a matched person: identity (per precedence), contact details, NIR when the
   * person had none, identifiers. Returns whether anything changed.
   */
  merge(person: KnownPerson, prepared: PreparedObservation): boolean {
    if (person.isNew) return false;
    const { observation } = prepared;
    const authoritative = this.source === 'caf' || this.source === 'msa';
    let changed = false;
    const set = (field: PersonField, next: unknown): void => {
      const previous = (person as unknown as Record<string, unknown>)[field] ?? null;
      if (JSON.stringify(previous) === JSON.stringify(next ?? null)) return;
      const entry = this.changes.get(person.id) ?? { person, fields: new Map() };
      entry.fields.set(field, [entry.fields.get(field)?.[0] ?? previous, next ?? null]);
      this.changes.set(person.id, entry);
      (person as unknown as Record<string, unknown>)[field] = next ?? null;
      changed = true;
    };
    for (const field of IDENTITY_FIELDS) {
      const next = observation[field];
      if (next === undefined || (field === 'firstNames' && (next as string[]).length === 0)) continue;
      const current = person[field];
      const blank = current === null || (Array.isArray(current) && current.length === 0);
      if (authoritative ? next !== null : blank && next !== null) set(field, next);
    }
    for (const field of CONTACT_FIELDS) {
      const next = observation[field];
      if (next !== undefined && next !== null) set(field, next);
    }
    if (prepared.nir && prepared.nirHash && !person.nirHash) {
      person.nirHash = prepared.nirHash;
      this.nirUpdates.set(person.id, prepared.nir);
      this.byNirHash.set(prepared.nirHash, person);
      changed = true;
    }
    return this.addIdentifiers(person, observation) || changed;
  }

  /** Registers the observation's partner identifiers for the person; true when one is new to them. */
  addIdentifiers(person: KnownPerson, observation: PersonObservation): boolean {
    let added = false;
    for (const identifier of observation.identifiers) {
      const key = `${identifier.system}|${identifier.value}`;
      if (this.byIdentifier.get(key)?.id === person.id) continue;
      this.byIdentifier.set(key, person);
      this.identifiers.push({
        personId: person.id,
        system: identifier.system,
        value: identifier.value,
        qualifier: identifier.qualifier ?? null,
      });
      added = true;
    }
    return added;
  }

  /** Takes back a creation registered by `resolve` (the caller decided not to create unknown people). */
  forget(person: KnownPerson): void {
    const index = this.created.indexOf(person);
    if (index === -1) return;
    this.created.splice(index, 1);
    this.createdNirs.delete(person.id);
    if (person.nirHash) this.byNirHash.delete(person.nirHash);
    for (let i = this.identifiers.length - 1; i >= 0; i--) {
      if (this.identifiers[i].personId === person.id) {
        this.byIdentifier.delete(`${this.identifiers[i].system}|${this.identifiers[i].value}`);
        this.identifiers.splice(i, 1);
      }
    }
    for (const list of this.byIdentity.values()) {
      const at = list.indexOf(person);
      if (at !== -1) list.splice(at, 1);
    }
  }

  /** Writes creations, changes with their history, NIRs and identifiers (a few statements). */
  async flush(provenance: {
    sourceRef: string;
    observedAt: Date;
    recordedAt: Date;
    recordedBy: string;
  }): Promise<void> {
    const base = [
      this.source,
      provenance.sourceRef,
      provenance.observedAt,
      provenance.recordedAt,
      provenance.recordedBy,
    ];
    if (this.created.length > 0) {
      const rows = this.created.map((p) => {
        const nir = this.createdNirs.get(p.id);
        return {
          id: p.id,
          last_name: p.lastName,
          birth_name: p.birthName,
          first_names: p.firstNames,
          last_name_normalized: p.lastNameNormalized,
          birth_name_normalized: p.birthNameNormalized,
          first_name_normalized: p.firstNameNormalized,
          birth_date: p.birthDate,
          birth_place: p.birthPlace,
          sex: p.sex,
          email: p.email,
          phone: p.phone,
          address: p.address ?? null,
          nir_hash: p.nirHash,
          nir_encrypted: nir ? this.cipher.encrypt(nir) : null,
          nir_key_computed: nir ? nir.keyComputed : null,
        };
      });
      const personColumns = [
        'id',
        'last_name',
        'birth_name',
        'first_names',
        'last_name_normalized',
        'birth_name_normalized',
        'first_name_normalized',
        'birth_date',
        'birth_place',
        'sex',
        'email',
        'phone',
        'address',
        'nir_hash',
        'nir_encrypted',
        'nir_key_computed',
      ] as const;
      await copyRows(
        this.manager,
        'person',
        [...personColumns, 'version'],
        rows.map((row) => [...personColumns.map((column) => row[column] as CopyValue), 1]),
      );
      // One history row per created person holds every initial value (the NIR only as "[set]"): per-field rows
      // follow for every later change.
      const history = this.created.map((p) => ({
        person_id: p.id,
        new_value: {
          lastName: p.lastName,
          birthName: p.birthName,
          firstNames: p.firstNames,
          birthDate: p.birthDate,
          birthPlace: p.birthPlace,
          sex: p.sex,
          email: p.email,
          phone: p.phone,
          address: p.address ?? null,
          nir: p.nirHash ? '[set]' : null,
        },
      }));
      await this.insertHistory(
        history.map((h) => ({ ...h, field: 'created', previous_value: null })),
        base,
      );
    }
    if (this.changes.size > 0) {
      const updates = [...this.changes.values()].map(({ person }) => ({
        id: person.id,
        last_name: person.lastName,
        birth_name: person.birthName,
        first_names: person.firstNames,
        last_name_normalized: normalizeName(person.lastName),
        birth_name_normalized: person.birthName ? normalizeName(person.birthName) : null,
        first_name_normalized: normalizeName(person.firstNames.join(' ')),
        birth_date: person.birthDate,
        birth_place: person.birthPlace,
        sex: person.sex,
        email: person.email,
        phone: person.phone,
        address: person.address ?? null,
      }));
      await this.manager.query(
        `UPDATE person p SET last_name = x.last_name, birth_name = x.birth_name, first_names = x.first_names,
                last_name_normalized = x.last_name_normalized, birth_name_normalized = x.birth_name_normalized,
                first_name_normalized = x.first_name_normalized, birth_date = x.birth_date, birth_place = x.birth_place,
                sex = x.sex, email = x.email, phone = x.phone, address = x.address, updated_at = now(),
                version = p.version + 1
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, last_name text, birth_name text, first_names text[],
                last_name_normalized text, birth_name_normalized text, first_name_normalized text, birth_date date,
                birth_place text, sex text, email text, phone text, address jsonb)
          WHERE p.id = x.id`,
        [JSON.stringify(updates)],
      );
      const history = [...this.changes.values()].flatMap(({ person, fields }) =>
        [...fields.entries()].map(([field, [previous, next]]) => ({
          person_id: person.id,
          field,
          previous_value: previous,
          new_value: next,
        })),
      );
      await this.insertHistory(history, base);
    }
    if (this.nirUpdates.size > 0) {
      const rows = [...this.nirUpdates.entries()].map(([id, nir]) => ({
        id,
        nir_hash: this.cipher.lookupHash(nir),
        nir_encrypted: this.cipher.encrypt(nir),
        nir_key_computed: nir.keyComputed,
      }));
      await this.manager.query(
        `UPDATE person p SET nir_hash = x.nir_hash, nir_encrypted = x.nir_encrypted, nir_key_computed = x.nir_key_computed,
                updated_at = now(), version = p.version + 1
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, nir_hash text, nir_encrypted text, nir_key_computed boolean)
          WHERE p.id = x.id`,
        [JSON.stringify(rows)],
      );
      await this.insertHistory(
        rows.map((r) => ({ person_id: r.id, field: 'nir', previous_value: null, new_value: '[set]' })),
        base,
      );
    }
    if (this.identifiers.length > 0) {
      await this.manager.query(
        `INSERT INTO person_identifier (person_id, system, value, qualifier, source, source_ref, observed_at, recorded_at, recorded_by)
         SELECT x.person_id, x.system, x.value, x.qualifier, $2, $3, $4, $5, $6
           FROM jsonb_to_recordset($1::jsonb) AS x(person_id uuid, system text, value text, qualifier text)
         ON CONFLICT (system, value) DO NOTHING`,
        [
          JSON.stringify(
            this.identifiers.map((i) => ({
              person_id: i.personId,
              system: i.system,
              value: i.value,
              qualifier: i.qualifier,
            })),
          ),
          ...base,
        ],
      );
    }
  }

  private async insertHistory(
    rows: Array<{ person_id: string; field: string; previous_value: unknown; new_value: unknown }>,
    base: unknown[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await copyRows(
      this.manager,
      'person_history',
      [
        'person_id',
        'field',
        'previous_value',
        'new_value',
        'source',
        'source_ref',
        'observed_at',
        'recorded_at',
        'recorded_by',
      ],
      rows.map((row) => [
        row.person_id,
        row.field,
        jsonValue(row.previous_value),
        jsonValue(row.new_value),
        ...(base as CopyValue[]),
      ]),
    );
  }

  /** Creates the person apart, whatever the resolution would say (an agent decided it is someone else). */
  createApart(prepared: PreparedObservation): KnownPerson {
    return this.create(prepared);
  }

  /** A person `load` read (a candidate of the observations it was given). */
  loaded(id: string): KnownPerson | undefined {
    for (const list of this.byIdentity.values()) {
      const found = list.find((person) => person.id === id);
      if (found) return found;
    }
    for (const person of this.byNirHash.values()) if (person.id === id) return person;
    return undefined;
  }

  private create(prepared: PreparedObservation): KnownPerson {
    const { observation } = prepared;
    const person: KnownPerson = {
      id: randomUUID(),
      nirHash: prepared.nirHash,
      lastName: observation.lastName.trim(),
      birthName: observation.birthName?.trim() || null,
      firstNames: observation.firstNames.map((n) => n.trim()).filter(Boolean),
      birthDate: observation.birthDate ?? null,
      birthPlace: observation.birthPlace ?? null,
      sex: observation.sex ?? null,
      email: observation.email ?? null,
      phone: observation.phone ?? null,
      address: observation.address ?? null,
      lastNameNormalized: normalizeName(observation.lastName),
      birthNameNormalized: observation.birthName ? normalizeName(observation.birthName) : null,
      firstNameNormalized: normalizeName(observation.firstNames.join(' ')),
      isNew: true,
    };
    if (prepared.nir) this.createdNirs.set(person.id, prepared.nir);
    this.created.push(person);
    this.remember(person);
    this.addIdentifiers(person, observation);
    return person;
  }

  private remember(person: KnownPerson): KnownPerson {
    const known = person.nirHash ? this.byNirHash.get(person.nirHash) : undefined;
    if (known) return known;
    if (person.nirHash) this.byNirHash.set(person.nirHash, person);
    for (const name of [person.lastNameNormalized, person.birthNameNormalized]) {
      if (!name || !person.birthDate) continue;
      const key = `${name}|${person.birthDate}`;
      const list = this.byIdentity.get(key) ?? [];
      if (!list.some((p) => p.id === person.id)) list.push(person);
      this.byIdentity.set(key, list);
    }
    return person;
  }

  private identityCandidates(observation: PersonObservation): KnownPerson[] {
    if (!observation.birthDate) return [];
    const names = [observation.lastName, observation.birthName]
      .filter((n): n is string => !!n)
      .map(normalizeName);
    const found = new Map<string, KnownPerson>();
    for (const name of names) {
      for (const person of this.byIdentity.get(`${name}|${observation.birthDate}`) ?? [])
        found.set(person.id, person);
    }
    return [...found.values()];
  }
}

/** First names match when the first given name is the same (`JEAN PIERRE` and `JEAN` are alike; `JEAN` and `JEANNE` are not). */
function sameFirstName(known: string, observed: string): boolean {
  if (known === observed) return true;
  const a = known.split(' ')[0];
  const b = observed.split(' ')[0];
  return !!a && a === b;
}

/** A `person` row (selected with snake_case columns) as resolution sees it; `idColumn` names the column holding the id. */
export function toKnown(row: Record<string, unknown>, idColumn = 'id'): KnownPerson {
  return {
    id: row[idColumn] as string,
    nirHash: (row['nir_hash'] as string | null) ?? null,
    lastName: row['last_name'] as string,
    birthName: (row['birth_name'] as string | null) ?? null,
    firstNames: (row['first_names'] as string[]) ?? [],
    birthDate: (row['birth_date'] as string | null) ?? null,
    birthPlace: (row['birth_place'] as string | null) ?? null,
    sex: (row['sex'] as string | null) ?? null,
    email: (row['email'] as string | null) ?? null,
    phone: (row['phone'] as string | null) ?? null,
    address: row['address'] ?? null,
    lastNameNormalized: row['last_name_normalized'] as string,
    birthNameNormalized: (row['birth_name_normalized'] as string | null) ?? null,
    firstNameNormalized: row['first_name_normalized'] as string,
  };
}

/** The NIR of a conflict's observation, encrypted (the review queue never stores it in clear). */
export function encryptedNir(cipher: NirCipherService, nir: Nir | null): string | null {
  return nir ? cipher.encrypt(nir) : null;
}

/** A jsonb value for COPY: null stays SQL NULL, anything else is written as JSON (strings included). */
function jsonValue(value: unknown): CopyValue {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
