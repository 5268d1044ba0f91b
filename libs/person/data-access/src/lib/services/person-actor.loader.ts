import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { normalizeName } from '@spie/person/domain';
import type { PersonActorLoaderPort, PersonIdentity } from '@spie/platform/auth';
import type { Actor } from '@spie/shared/kernel';

import { PersonAccountEntity } from '../entities/person-account.entity';
import type { PersonEntity } from '../entities/person.entity';

/** The identity columns a sign-in compares, in their normalised form. */
export interface PivotCandidate {
  id: string;
  lastNameNormalized: string;
  birthNameNormalized: string | null;
  firstNameNormalized: string;
  birthDate: string | null;
  sex: 'F' | 'M' | null;
}

/**
 * Whether a person record is the one a pivot identity describes, with the rule identity matching uses at ingestion
 * (names compared upper case without accents or punctuation): same birth date; the birth name (or the usage name) is
 * the record's last name or birth name; the given names are the record's, or at least begin with the same one; and
 * the sex, when both are known, agrees.
 */
export function matchesPivotIdentity(candidate: PivotCandidate, identity: PersonIdentity): boolean {
  if (!candidate.birthDate || candidate.birthDate !== identity.birthDate) return false;
  if (identity.sex && candidate.sex && identity.sex !== candidate.sex) return false;
  const names = [identity.familyName, identity.preferredUsername].filter(Boolean).map(normalizeName);
  if (!names.some((name) => name === candidate.lastNameNormalized || name === candidate.birthNameNormalized))
    return false;
  const given = normalizeName(identity.givenNames.join(' '));
  if (given === candidate.firstNameNormalized) return true;
  const first = given.split(' ')[0];
  return !!first && first === candidate.firstNameNormalized.split(' ')[0];
}

/**
 * Finds the person a token names: by the account linked at an earlier sign-in; otherwise by the pivot identity, which
 * must match exactly one person record (none or several: refused), and then records the link in `person_account`.
 */
@Injectable()
export class PersonActorLoader implements PersonActorLoaderPort {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(identity: PersonIdentity): Promise<Actor | null> {
    const person = (await this.linked(identity)) ?? (await this.link(identity));
    if (!person) return null;
    return {
      kind: 'person',
      id: person.id,
      login: identity.subject,
      organisationId: null,
      displayName: `${person.firstNames[0] ?? ''} ${person.lastName}`.trim(),
      roles: [],
    };
  }

  private async linked(identity: PersonIdentity): Promise<PersonEntity | null> {
    const account = await this.dataSource.getRepository(PersonAccountEntity).findOne({
      where: { issuer: identity.issuer, subject: identity.subject },
      relations: { person: true },
    });
    return account?.person ?? null;
  }

  private async link(identity: PersonIdentity): Promise<PersonEntity | null> {
    const names = [identity.familyName, identity.preferredUsername].filter(Boolean).map(normalizeName);
    // Both (name, birth date) indexes of `person` serve this query.
    const rows = (await this.dataSource.query(
      `SELECT id, last_name_normalized, birth_name_normalized, first_name_normalized, birth_date::text AS birth_date, sex
         FROM person
        WHERE birth_date = $1 AND (last_name_normalized = ANY($2::text[]) OR birth_name_normalized = ANY($2::text[]))`,
      [identity.birthDate, names],
    )) as Array<Record<string, string | null>>;
    const matches = rows
      .map((row): PivotCandidate => ({
        id: row['id'] as string,
        lastNameNormalized: row['last_name_normalized'] as string,
        birthNameNormalized: row['birth_name_normalized'] ?? null,
        firstNameNormalized: row['first_name_normalized'] as string,
        birthDate: row['birth_date'] ?? null,
        sex: (row['sex'] as 'F' | 'M' | null) ?? null,
      }))
      .filter((candidate) => matchesPivotIdentity(candidate, identity));
    if (matches.length !== 1) return null;
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(PersonAccountEntity)
      .values({
        issuer: identity.issuer,
        subject: identity.subject,
        personId: (matches[0] as PivotCandidate).id,
      })
      .orIgnore()
      .execute();
    // Read the link back: a concurrent first sign-in may have written it first.
    return this.linked(identity);
  }
}
