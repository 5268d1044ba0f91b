import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { PreparedEntityRead, provenanceOf } from '@spie/platform/database';
import {
  describeNirError,
  normalizeName,
  parseNir,
  PersonException,
  PersonExceptionCode,
  type PersonIdentifierSystem,
} from '@spie/person/domain';
import type { Provenance } from '@spie/shared/kernel';

import { PersonHistoryEntity } from '../entities/person-history.entity';
import { PersonIdentifierEntity } from '../entities/person-identifier.entity';
import { PersonEntity, type PostalAddress, type Sex } from '../entities/person.entity';
import { NirCipherService } from './nir-cipher.service';

export interface PersonIdentityInput {
  lastName: string;
  birthName?: string | null;
  firstNames: string[];
  birthDate?: string | null;
  birthPlace?: string | null;
  sex?: Sex | null;
  nir?: string | null;
  email?: string | null;
  phone?: string | null;
  address?: PostalAddress | null;
}

export interface PersonSearchCriteria {
  nir?: string;
  lastName?: string;
  firstName?: string;
  birthDate?: string;
  identifier?: { system: PersonIdentifierSystem; value: string };
  limit?: number;
}

/** Fields whose changes are tracked one by one with their provenance. */
const TRACKED_FIELDS = [
  'lastName',
  'birthName',
  'firstNames',
  'birthDate',
  'birthPlace',
  'sex',
  'email',
  'phone',
  'address',
] as const;
type TrackedField = (typeof TRACKED_FIELDS)[number];

const PERSONS_BY_IDS = new PreparedEntityRead(
  PersonEntity,
  'p',
  (columns) => `SELECT ${columns} FROM person p WHERE p.id = ANY($1::uuid[])`,
);

const IDENTIFIERS_OF = new PreparedEntityRead(
  PersonIdentifierEntity,
  'i',
  (columns) =>
    `SELECT ${columns} FROM person_identifier i WHERE i.person_id = ANY($1::uuid[]) ORDER BY i.system, i.value`,
);

/** Persistence of people: identity, NIR (encrypted, looked up by keyed hash), identifiers, history of each value. */
@Injectable()
export class PersonService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly nirCipher: NirCipherService,
  ) {}

  async findByIds(ids: readonly string[]): Promise<Map<string, PersonEntity>> {
    if (ids.length === 0) return new Map();
    const rows = await PERSONS_BY_IDS.find(this.dataSource, [ids]);
    return new Map(rows.map((row) => [row.id, row]));
  }

  async getById(id: string): Promise<PersonEntity> {
    const person = (await this.findByIds([id])).get(id);
    if (!person) throw new PersonException(PersonExceptionCode.PersonNotFound, 'Person not found');
    return person;
  }

  async identifiersOf(personIds: readonly string[]): Promise<PersonIdentifierEntity[]> {
    if (personIds.length === 0) return [];
    return IDENTIFIERS_OF.find(this.dataSource, [personIds]);
  }

  async historyOf(personId: string): Promise<PersonHistoryEntity[]> {
    return this.dataSource
      .getRepository(PersonHistoryEntity)
      .find({ where: { personId }, order: { provenance: { recordedAt: 'DESC' }, field: 'ASC' } });
  }

  /** The decrypted NIR, for the access layer to release when a habilitation allows it. */
  async revealNir(personId: string): Promise<string | null> {
    const row = await this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .select(['p.id', 'p.nirEncrypted'])
      .where('p.id = :personId', { personId })
      .getOne();
    return row?.nirEncrypted ? this.nirCipher.decrypt(row.nirEncrypted) : null;
  }

  async findIdByNir(nir: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const parsed = parseNir(nir);
    if (!parsed.ok) throw new PersonException(PersonExceptionCode.InvalidNir, describeNirError(parsed.error));
    const row = await manager
      .getRepository(PersonEntity)
      .findOne({ select: { id: true }, where: { nirHash: this.nirCipher.lookupHash(parsed.value) } });
    return row?.id ?? null;
  }

  async search(criteria: PersonSearchCriteria): Promise<PersonEntity[]> {
    const limit = Math.min(criteria.limit ?? 20, 100);
    const query = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p');
    let selective = false;
    if (criteria.nir) {
      const parsed = parseNir(criteria.nir);
      if (!parsed.ok)
        throw new PersonException(PersonExceptionCode.InvalidNir, describeNirError(parsed.error));
      query.andWhere('p.nir_hash = :hash', { hash: this.nirCipher.lookupHash(parsed.value) });
      selective = true;
    }
    if (criteria.identifier) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM person_identifier i WHERE i.person_id = p.id AND i.system = :system AND i.value = :value)',
        criteria.identifier,
      );
      selective = true;
    }
    if (criteria.lastName) {
      query.andWhere('(p.last_name_normalized = :last OR p.birth_name_normalized = :last)', {
        last: normalizeName(criteria.lastName),
      });
    }
    if (criteria.firstName) {
      query.andWhere('p.first_name_normalized LIKE :first', {
        first: `${normalizeName(criteria.firstName)}%`,
      });
    }
    if (criteria.birthDate) query.andWhere('p.birth_date = :birthDate', { birthDate: criteria.birthDate });
    if (criteria.lastName && (criteria.birthDate || criteria.firstName)) selective = true;
    if (!selective) {
      throw new PersonException(
        PersonExceptionCode.SearchTooBroad,
        'Search by NIR, by identifier, or by last name with a first name or a birth date',
      );
    }
    // Archived files (CASF R.263-8) and people declared not beneficiaries are out of agents' searches.
    query.andWhere('p.archived_at IS NULL AND p.not_beneficiary_at IS NULL');
    return query
      .orderBy('p.last_name_normalized')
      .addOrderBy('p.first_name_normalized')
      .limit(limit)
      .getMany();
  }

  /** Creates a person, with the NIR encrypted and every initial value recorded in the history. */
  async create(
    input: PersonIdentityInput,
    provenance: Provenance,
    manager?: EntityManager,
  ): Promise<PersonEntity> {
    const run = async (em: EntityManager) => {
      const person = em.getRepository(PersonEntity).create({
        lastName: input.lastName.trim(),
        birthName: input.birthName?.trim() || null,
        firstNames: input.firstNames.map((name) => name.trim()).filter(Boolean),
        birthDate: input.birthDate ?? null,
        birthPlace: input.birthPlace ?? null,
        sex: input.sex ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        address: input.address ?? null,
        nirEncrypted: null,
        nirHash: null,
        nirKeyComputed: null,
      });
      this.setNormalized(person);
      if (input.nir) await this.setNir(person, input.nir, em);
      const saved = await em.getRepository(PersonEntity).save(person);
      const history = TRACKED_FIELDS.filter((field) => !isEmpty(saved[field])).map((field) =>
        this.historyRow(saved.id, field, null, saved[field], provenance),
      );
      if (input.nir) history.push(this.historyRow(saved.id, 'nir', null, '[set]', provenance));
      await em.getRepository(PersonHistoryEntity).save(history);
      return saved;
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /**
   * Applies changed values only; each change is one history row with its provenance. Returns the changed fields
   * (empty when nothing changed, so callers can report "unchanged").
   */
  async update(
    personId: string,
    changes: Partial<PersonIdentityInput>,
    provenance: Provenance,
    manager?: EntityManager,
  ): Promise<string[]> {
    const run = async (em: EntityManager) => {
      const repository = em.getRepository(PersonEntity);
      const person = await repository.findOne({
        where: { id: personId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!person) throw new PersonException(PersonExceptionCode.PersonNotFound, 'Person not found');
      const history: PersonHistoryEntity[] = [];
      for (const field of TRACKED_FIELDS) {
        if (!(field in changes)) continue;
        const next = normalizeValue(field, changes[field]);
        if (sameValue(person[field], next)) continue;
        history.push(this.historyRow(personId, field, person[field], next, provenance));
        (person as unknown as Record<string, unknown>)[field] = next;
      }
      if (changes.nir) {
        const parsed = parseNir(changes.nir);
        if (!parsed.ok)
          throw new PersonException(PersonExceptionCode.InvalidNir, describeNirError(parsed.error));
        if (
          person.nirHash !== this.nirCipher.lookupHash(parsed.value) ||
          (person.nirKeyComputed && !parsed.value.keyComputed)
        ) {
          await this.setNir(person, changes.nir, em);
          history.push(this.historyRow(personId, 'nir', null, '[changed]', provenance));
        }
      }
      if (history.length === 0) return [];
      this.setNormalized(person);
      await repository.save(person);
      await em.getRepository(PersonHistoryEntity).save(history);
      return history.map((row) => row.field);
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Adds (or confirms) an identifier; refuses one already held by another person. */
  async addIdentifier(
    personId: string,
    identifier: { system: PersonIdentifierSystem; value: string; qualifier?: string | null },
    provenance: Provenance,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PersonIdentifierEntity> {
    const repository = manager.getRepository(PersonIdentifierEntity);
    const existing = await repository.findOne({
      where: { system: identifier.system, value: identifier.value },
    });
    if (existing && existing.personId !== personId) {
      throw new PersonException(
        PersonExceptionCode.IdentifierAlreadyKnown,
        'Identifier already belongs to another person',
        {
          system: identifier.system,
        },
      );
    }
    if (existing) {
      if ((identifier.qualifier ?? null) !== existing.qualifier) {
        existing.qualifier = identifier.qualifier ?? null;
        existing.provenance = provenanceOf(provenance);
        return repository.save(existing);
      }
      return existing;
    }
    return repository.save(
      repository.create({
        personId,
        system: identifier.system,
        value: identifier.value,
        qualifier: identifier.qualifier ?? null,
        provenance: provenanceOf(provenance),
      }),
    );
  }

  private async setNir(person: PersonEntity, nir: string, em: EntityManager): Promise<void> {
    const parsed = parseNir(nir);
    if (!parsed.ok) throw new PersonException(PersonExceptionCode.InvalidNir, describeNirError(parsed.error));
    const hash = this.nirCipher.lookupHash(parsed.value);
    const holder = await em
      .getRepository(PersonEntity)
      .findOne({ select: { id: true }, where: { nirHash: hash } });
    if (holder && holder.id !== person.id) {
      throw new PersonException(
        PersonExceptionCode.NirAlreadyKnown,
        'This NIR already belongs to another person',
      );
    }
    person.nirHash = hash;
    person.nirEncrypted = this.nirCipher.encrypt(parsed.value);
    person.nirKeyComputed = parsed.value.keyComputed;
  }

  private setNormalized(person: PersonEntity): void {
    person.lastNameNormalized = normalizeName(person.lastName);
    person.birthNameNormalized = person.birthName ? normalizeName(person.birthName) : null;
    person.firstNameNormalized = normalizeName(person.firstNames.join(' '));
  }

  private historyRow(
    personId: string,
    field: TrackedField | 'nir',
    previousValue: unknown,
    newValue: unknown,
    provenance: Provenance,
  ): PersonHistoryEntity {
    const row = new PersonHistoryEntity();
    row.personId = personId;
    row.field = field;
    row.previousValue = previousValue ?? null;
    row.newValue = newValue ?? null;
    row.provenance = provenanceOf(provenance);
    return row;
  }
}

function normalizeValue(field: TrackedField, value: unknown): unknown {
  if (field === 'firstNames' && Array.isArray(value))
    return value.map((name: string) => name.trim()).filter(Boolean);
  if (typeof value === 'string') return value.trim() || null;
  return value ?? null;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
