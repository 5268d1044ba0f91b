import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';

import {
  checkedRightDate,
  currentStatusSince,
  HouseholdRightsException,
  HouseholdRightsExceptionCode,
  laterReference,
  referenceInstant,
  rsaStatusFromEtatDossier,
  selectMonthlyRights,
  shouldApplyReference,
  toReferenceMonth,
} from '@spie/household-rights/domain';
import { PersonEntity, type PostalAddress } from '@spie/person/data-access';
import { PreparedJoinRead, provenanceOf } from '@spie/platform/database';
import { ReferentielService } from '@spie/referentiel/data-access';
import { ReferentielException, type CodeListCode } from '@spie/referentiel/domain';
import type { Provenance } from '@spie/shared/kernel';

import { HouseholdMemberEntity } from '../entities/household-member.entity';
import { HouseholdEntity, type Organisme } from '../entities/household.entity';
import { RsaRightStatusEntity } from '../entities/rsa-right-status.entity';

/** Each person's current memberships with their household, most recent first. */
const CURRENT_MEMBERSHIPS = new PreparedJoinRead(
  { m: HouseholdMemberEntity, h: HouseholdEntity },
  (columns) =>
    `SELECT ${columns.m}, ${columns.h}
       FROM household_member m
       JOIN household h ON h.id = m.household_id
      WHERE m.person_id = ANY($1::uuid[]) AND m.valid_to IS NULL
      ORDER BY m.valid_from DESC, m.id`,
);

/** The right rows that may concern each person: those of their current households, household-level or theirs. */
const RIGHT_ROWS_OF_MEMBERS = new PreparedJoinRead(
  { m: HouseholdMemberEntity, r: RsaRightStatusEntity },
  (columns) =>
    `SELECT ${columns.m}, ${columns.r}
       FROM household_member m
       JOIN rsa_right_status r ON r.household_id = m.household_id AND (r.person_id IS NULL OR r.person_id = m.person_id)
      WHERE m.person_id = ANY($1::uuid[]) AND m.valid_to IS NULL`,
);

export interface HouseholdInput {
  organisme: Organisme;
  /** `NUMORG`. */
  organismeCode?: string | null;
  /** `MATRICULE`: with `organisme`, the key of the household. */
  matricule: string;
  /** `NUMDEMRSA`. */
  numDemRsa?: string | null;
  departmentCode: string;
  /** `SITFAM` code (référentiel `situation-familiale`). */
  familySituation?: string | null;
  address?: PostalAddress | null;
  /** `DTREF` of the flux: when its month is older than the household's latest applied flux, nothing is changed. */
  referenceAt?: string | Date | null;
  /** Hash of the household's content as received: the same hash again is reported `unchanged` and not rewritten. */
  contentHash?: string | null;
}

export type UpsertHouseholdOutcome = 'created' | 'updated' | 'unchanged' | 'ignored_older_reference';

export interface UpsertHouseholdResult {
  household: HouseholdEntity;
  outcome: UpsertHouseholdOutcome;
}

export interface HouseholdMemberInput {
  personId: string;
  /** `ROLEPERS` code (référentiel `role-personne`). */
  role: string;
}

export interface SetMembersResult {
  outcome: 'applied' | 'ignored_older_reference';
  opened: number;
  closed: number;
}

export interface RightStatusInput {
  householdId: string;
  /** Set for person-level facts (e.g. `TOPPERSDRODEVORSA`); absent for the household's own state. */
  personId?: string | null;
  /** `DTREF`: any day of the reference month, or `YYYY-MM`. */
  referenceMonth: string;
  /** `ETATDOSRSA` 0–6. */
  etatDossier: string;
  openedOn?: string | null;
  /** `MOTISUSVERSRSA`. */
  suspensionReason?: string | null;
  suspendedOn?: string | null;
  /** `MOTICLORSA`. */
  closureReason?: string | null;
  closedOn?: string | null;
  /** `TOPPERSDRODEVORSA`. */
  subjectToRightsAndDuties?: boolean | null;
}

export interface RecordRightStatusResult {
  /** `unchanged`: identical to the latest row of that household, person and month; `ignored_older_reference`: a month older than the household's latest applied flux. */
  outcome: 'recorded' | 'unchanged' | 'ignored_older_reference';
  /** The row written, or the identical row already there; null when ignored. */
  row: RsaRightStatusEntity | null;
}

export interface HouseholdMembership {
  membership: HouseholdMemberEntity;
  household: HouseholdEntity;
}

export interface CurrentRsaRight {
  /** The row that speaks for the person: latest month, person-level row over the household's. */
  right: RsaRightStatusEntity;
  /** First month of the current uninterrupted run of `right.status`. */
  since: string;
}

/** Fields compared to decide whether an incoming status repeats the latest row of its month. */
const RIGHT_FIELDS = [
  'etatDossier',
  'openedOn',
  'suspensionReason',
  'suspendedOn',
  'closureReason',
  'closedOn',
  'subjectToRightsAndDuties',
] as const;

/**
 * RSA households (CAF/MSA dossiers), their members and the monthly state of the right. Written by the CAF/MSA
 * connector (every write accepts its transaction), read by the gateway in batches. An older flux never overwrites
 * newer state: facts for a month older than the household's `lastReferenceAt` are ignored.
 */
@Injectable()
export class HouseholdRightsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referentiel: ReferentielService,
  ) {}

  // ---------------------------------------------------------------------------------------------------------------
  // Writes

  /**
   * Creates or updates the household identified by organisme + matricule, with the state sent by the flux (a field
   * left out is set to null). `outcome` tells the connector whether anything changed. The household row itself has no
   * provenance columns: its facts with provenance are the memberships and the right rows.
   */
  async upsertHousehold(
    input: HouseholdInput,
    _provenance: Provenance,
    manager?: EntityManager,
  ): Promise<UpsertHouseholdResult> {
    const run = async (em: EntityManager): Promise<UpsertHouseholdResult> => {
      await this.assertCodes('situation-familiale', [input.familySituation], em);
      const repository = em.getRepository(HouseholdEntity);
      const key = { organisme: input.organisme, matricule: input.matricule.trim() };
      const referenceAt = input.referenceAt ? referenceInstant(toReferenceMonth(input.referenceAt)) : null;
      const values = {
        organismeCode: input.organismeCode ?? null,
        numDemRsa: input.numDemRsa ?? null,
        departmentCode: input.departmentCode,
        familySituation: input.familySituation ?? null,
        address: input.address ?? null,
      };
      const inserted = await repository
        .createQueryBuilder()
        .insert()
        .into(HouseholdEntity)
        .values({ ...key, ...values, lastReferenceAt: referenceAt, contentHash: input.contentHash ?? null })
        .orIgnore()
        .returning(['id'])
        .execute();
      const household = await repository.findOneOrFail({ where: key, lock: { mode: 'pessimistic_write' } });
      if ((inserted.raw as Array<{ id: string }>).some((row) => row.id === household.id)) {
        return { household, outcome: 'created' };
      }
      if (referenceAt && !shouldApplyReference(referenceAt, household.lastReferenceAt)) {
        return { household, outcome: 'ignored_older_reference' };
      }
      const sameHash = !!input.contentHash && input.contentHash === household.contentHash;
      const changed = sameHash
        ? []
        : (Object.keys(values) as Array<keyof typeof values>).filter(
            (field) => canonicalJson(household[field] ?? null) !== canonicalJson(values[field]),
          );
      const patch: Partial<HouseholdEntity> = {};
      for (const field of changed) Object.assign(patch, { [field]: values[field] });
      const nextReference = referenceAt
        ? laterReference(household.lastReferenceAt, referenceAt)
        : household.lastReferenceAt;
      if (nextReference?.getTime() !== household.lastReferenceAt?.getTime()) {
        patch.lastReferenceAt = nextReference;
      }
      if (input.contentHash && !sameHash) patch.contentHash = input.contentHash;
      if (Object.keys(patch).length > 0) {
        await repository.update({ id: household.id }, patch);
        Object.assign(household, patch);
      }
      return { household, outcome: changed.length > 0 ? 'updated' : 'unchanged' };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /**
   * Makes the household's current members exactly `members` as of `asOf` (YYYY-MM-DD): opens the new memberships,
   * closes (valid_to = asOf) those that ended, and closes then reopens a membership whose role changed. Closed
   * memberships stay as history.
   */
  async setMembers(
    householdId: string,
    members: readonly HouseholdMemberInput[],
    provenance: Provenance,
    asOf: string,
    manager?: EntityManager,
  ): Promise<SetMembersResult> {
    const day = checkedRightDate(asOf, 'asOf') as string;
    const personIds = members.map((member) => member.personId);
    const duplicates = personIds.filter((id, index) => personIds.indexOf(id) !== index);
    if (duplicates.length > 0) {
      throw new HouseholdRightsException(
        HouseholdRightsExceptionCode.DuplicateMember,
        'A person is listed twice in the household',
        {
          personIds: [...new Set(duplicates)],
        },
      );
    }
    const run = async (em: EntityManager): Promise<SetMembersResult> => {
      const household = await this.lockHousehold(em, householdId);
      if (!shouldApplyReference(day, household.lastReferenceAt)) {
        return { outcome: 'ignored_older_reference', opened: 0, closed: 0 };
      }
      await this.assertCodes(
        'role-personne',
        members.map((member) => member.role),
        em,
      );
      await this.assertPersonsExist(em, personIds);
      const repository = em.getRepository(HouseholdMemberEntity);
      const open = await repository.find({ where: { householdId, validTo: IsNull() } });
      const wanted = new Map(members.map((member) => [member.personId, member.role]));
      const toClose = open.filter((membership) => wanted.get(membership.personId) !== membership.role);
      const kept = new Set(
        open.filter((membership) => !toClose.includes(membership)).map((membership) => membership.personId),
      );
      for (const membership of toClose) {
        await repository.update(
          { id: membership.id },
          { validTo: membership.validFrom > day ? membership.validFrom : day },
        );
      }
      const toOpen = members.filter((member) => !kept.has(member.personId));
      if (toOpen.length > 0) {
        await repository.insert(
          toOpen.map((member) => ({
            householdId,
            personId: member.personId,
            role: member.role,
            validFrom: day,
            validTo: null,
            provenance: provenanceOf(provenance),
          })),
        );
      }
      await this.moveReference(em, household, day);
      return { outcome: 'applied', opened: toOpen.length, closed: toClose.length };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /**
   * Appends the state of the right for a reference month (household-level, or person-level when `personId` is set).
   * Codes are checked against the référentiel; a row identical to the latest one of the same household, person and
   * month is not written again; a month older than the household's latest applied flux is ignored.
   */
  async recordRightStatus(
    input: RightStatusInput,
    provenance: Provenance,
    manager?: EntityManager,
  ): Promise<RecordRightStatusResult> {
    const referenceMonth = toReferenceMonth(input.referenceMonth);
    const status = rsaStatusFromEtatDossier(input.etatDossier);
    const next = {
      etatDossier: input.etatDossier,
      openedOn: checkedRightDate(input.openedOn, 'openedOn'),
      suspensionReason: input.suspensionReason ?? null,
      suspendedOn: checkedRightDate(input.suspendedOn, 'suspendedOn'),
      closureReason: input.closureReason ?? null,
      closedOn: checkedRightDate(input.closedOn, 'closedOn'),
      subjectToRightsAndDuties: input.subjectToRightsAndDuties ?? null,
    };
    const personId = input.personId ?? null;
    const run = async (em: EntityManager): Promise<RecordRightStatusResult> => {
      const household = await this.lockHousehold(em, input.householdId);
      if (personId) {
        const member = await em
          .getRepository(HouseholdMemberEntity)
          .exists({ where: { householdId: household.id, personId, validTo: IsNull() } });
        if (!member) {
          throw new HouseholdRightsException(
            HouseholdRightsExceptionCode.PersonNotMember,
            'The person is not a current member of the household',
          );
        }
      }
      if (!shouldApplyReference(referenceMonth, household.lastReferenceAt)) {
        return { outcome: 'ignored_older_reference', row: null };
      }
      await this.assertCodes('etat-dossier-rsa', [next.etatDossier], em);
      await this.assertCodes('motif-suspension-rsa', [next.suspensionReason], em);
      await this.assertCodes('motif-cloture-rsa', [next.closureReason], em);
      const repository = em.getRepository(RsaRightStatusEntity);
      const latest = await repository.findOne({
        where: { householdId: household.id, personId: personId ?? IsNull(), referenceMonth },
        order: { provenance: { recordedAt: 'DESC' }, id: 'DESC' },
      });
      if (latest && RIGHT_FIELDS.every((field) => latest[field] === next[field])) {
        return { outcome: 'unchanged', row: latest };
      }
      const row = await repository.save(
        repository.create({
          householdId: household.id,
          personId,
          referenceMonth,
          status,
          ...next,
          provenance: provenanceOf(provenance),
        }),
      );
      await this.moveReference(em, household, referenceMonth);
      return { outcome: 'recorded', row };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reads (batched: one query per kind of row, whatever the number of people)

  async findHousehold(
    organisme: Organisme,
    matricule: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HouseholdEntity | null> {
    return manager
      .getRepository(HouseholdEntity)
      .findOne({ where: { organisme, matricule: matricule.trim() } });
  }

  /** Current members of a household (for the connector to compare with a flux). */
  async membersOf(
    householdId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<HouseholdMemberEntity[]> {
    return manager
      .getRepository(HouseholdMemberEntity)
      .find({ where: { householdId, validTo: IsNull() }, order: { validFrom: 'ASC', role: 'ASC' } });
  }

  /** Each person's current memberships with their household, most recent first. */
  async householdsOf(personIds: readonly string[]): Promise<Map<string, HouseholdMembership[]>> {
    const result = new Map<string, HouseholdMembership[]>();
    if (personIds.length === 0) return result;
    for (const { m: membership, h: household } of await CURRENT_MEMBERSHIPS.find(this.dataSource, [
      personIds,
    ])) {
      if (!membership || !household) continue;
      const list = result.get(membership.personId) ?? [];
      list.push({ membership, household });
      result.set(membership.personId, list);
    }
    return result;
  }

  /**
   * Each person's right, month by month, newest first: the rows of the households they currently belong to (their
   * own person-level rows win over the household's in a month).
   */
  async rightHistories(personIds: readonly string[]): Promise<Map<string, RsaRightStatusEntity[]>> {
    const result = new Map<string, RsaRightStatusEntity[]>();
    if (personIds.length === 0) return result;
    const rowsByPerson = new Map<string, RsaRightStatusEntity[]>();
    for (const { m: member, r: row } of await RIGHT_ROWS_OF_MEMBERS.find(this.dataSource, [personIds])) {
      if (!member || !row) continue;
      const list = rowsByPerson.get(member.personId);
      if (list) list.push(row);
      else rowsByPerson.set(member.personId, [row]);
    }
    for (const [personId, rows] of rowsByPerson) {
      const candidates = rows.map((row) => ({
        referenceMonth: row.referenceMonth,
        personId: row.personId,
        status: row.status,
        recordedAt: row.provenance.recordedAt,
        row,
      }));
      const monthly = selectMonthlyRights(candidates).map((candidate) => candidate.row);
      if (monthly.length > 0) result.set(personId, monthly);
    }
    return result;
  }

  /** One person's right, month by month, newest first. */
  async rightHistory(personId: string): Promise<RsaRightStatusEntity[]> {
    return (await this.rightHistories([personId])).get(personId) ?? [];
  }

  /** Each person's current right (latest month; person-level row over the household's) and since when it holds. */
  async currentRights(personIds: readonly string[]): Promise<Map<string, CurrentRsaRight>> {
    const result = new Map<string, CurrentRsaRight>();
    for (const [personId, history] of await this.rightHistories(personIds)) {
      const [right] = history;
      const since = currentStatusSince(history);
      if (right && since) result.set(personId, { right, since });
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------------

  private async lockHousehold(em: EntityManager, householdId: string): Promise<HouseholdEntity> {
    const household = await em
      .getRepository(HouseholdEntity)
      .findOne({ where: { id: householdId }, lock: { mode: 'pessimistic_write' } });
    if (!household)
      throw new HouseholdRightsException(
        HouseholdRightsExceptionCode.HouseholdNotFound,
        'Household not found',
      );
    return household;
  }

  private async moveReference(
    em: EntityManager,
    household: HouseholdEntity,
    referenceMonth: string,
  ): Promise<void> {
    const next = laterReference(household.lastReferenceAt, toReferenceMonth(referenceMonth));
    if (next.getTime() === household.lastReferenceAt?.getTime()) return;
    await em.getRepository(HouseholdEntity).update({ id: household.id }, { lastReferenceAt: next });
    household.lastReferenceAt = next;
  }

  private async assertPersonsExist(em: EntityManager, personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    const found = await em
      .getRepository(PersonEntity)
      .find({ select: { id: true }, where: { id: In([...personIds]) } });
    const known = new Set(found.map((person) => person.id));
    const missing = personIds.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new HouseholdRightsException(
        HouseholdRightsExceptionCode.PersonNotFound,
        'Unknown person in the household',
        {
          personIds: missing,
        },
      );
    }
  }

  private async assertCodes(
    list: CodeListCode,
    codes: ReadonlyArray<string | null | undefined>,
    em: EntityManager,
  ): Promise<void> {
    try {
      await this.referentiel.assertCodes(list, codes, { manager: em });
    } catch (error) {
      if (error instanceof ReferentielException) {
        throw new HouseholdRightsException(
          HouseholdRightsExceptionCode.UnknownCode,
          error.message,
          error.details,
        );
      }
      throw error;
    }
  }
}

/** JSON with object keys sorted: jsonb does not keep the key order it was given. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : item,
  );
}
