import { randomUUID } from 'node:crypto';

import {
  HouseholdMemberEntity,
  HouseholdRightsService,
  RsaRightStatusEntity,
  type RightStatusInput,
} from '@spie/household-rights/data-access';
import { HouseholdRightsExceptionCode } from '@spie/household-rights/domain';
import type { PersonEntity } from '@spie/person/data-access';
import type { Provenance } from '@spie/shared/kernel';
import {
  buildAgentWithOrganisation,
  buildPerson as buildBarePerson,
  placeInPortfolio,
  testProvenance,
} from '@spie/shared/testing';

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const READ = /* GraphQL */ `
  query Read($id: ID!) {
    person(id: $id) {
      households {
        organisme
        matricule
        numDemRsa
        role
        roleLabel
        since
        household {
          id
          departmentCode
          familySituation
          familySituationLabel
        }
      }
      rsa {
        status
        since
        subjectToRightsAndDuties
        etatDossier
        etatDossierLabel
        suspensionReason
        suspensionReasonLabel
        suspendedOn
        closureReason
        closureReasonLabel
        closedOn
        openedOn
        provenance {
          source
          sourceRef
          recordedBy
        }
        history {
          month
          status
          etatDossier
          suspensionReason
          closureReason
          provenance {
            sourceRef
          }
        }
      }
    }
  }
`;

interface RsaOut {
  status: string;
  since: string;
  subjectToRightsAndDuties: boolean | null;
  etatDossier: string;
  etatDossierLabel: string | null;
  suspensionReason: string | null;
  suspensionReasonLabel: string | null;
  suspendedOn: string | null;
  closureReason: string | null;
  closureReasonLabel: string | null;
  closedOn: string | null;
  openedOn: string | null;
  provenance: { source: string; sourceRef: string | null; recordedBy: string };
  history: Array<{
    month: string;
    status: string;
    etatDossier: string;
    suspensionReason: string | null;
    closureReason: string | null;
    provenance: { sourceRef: string | null };
  }>;
}

interface PersonOut {
  households: Array<{
    organisme: string;
    matricule: string;
    numDemRsa: string | null;
    role: string;
    roleLabel: string | null;
    since: string;
    household: {
      id: string;
      departmentCode: string;
      familySituation: string | null;
      familySituationLabel: string | null;
    };
  }>;
  rsa: RsaOut | null;
}

/** The provenance the CAF connector gives a monthly flux. */
const flux = (month: string): Provenance =>
  testProvenance({ source: 'caf', sourceRef: `RSABEM-${month}`, recordedBy: 'connector:caf-msa' });

describe('household rights', () => {
  let gateway: TestGateway;
  let service: HouseholdRightsService;
  let login: string;
  let departmentId: string;
  /** A person in the department's portfolio (oriented to it), so that a person who left a household stays readable. */
  const buildPerson: typeof buildBarePerson = async (dataSource, overrides) => {
    const person = await buildBarePerson(dataSource, overrides);
    await placeInPortfolio(dataSource, { personId: person.id, organisationId: departmentId });
    return person;
  };

  const read = async (id: string): Promise<PersonOut> => {
    const response = await gateway.graphql<{ person: PersonOut }>(READ, { id }, { as: login });
    expect(response.errors).toBeUndefined();
    return response.data!.person;
  };

  /** A CAF household (a couple) with its two members as of January 2026. */
  async function household(): Promise<{
    id: string;
    matricule: string;
    applicant: PersonEntity;
    partner: PersonEntity;
  }> {
    const matricule = `${Math.floor(Math.random() * 1e7)}`.padStart(7, '0');
    const applicant = await buildPerson(gateway.dataSource, { firstNames: ['Samia'] });
    const partner = await buildPerson(gateway.dataSource, { firstNames: ['Karim'] });
    const { household: row, outcome } = await service.upsertHousehold(
      {
        organisme: 'caf',
        organismeCode: '521',
        matricule,
        numDemRsa: `RSA${matricule}`,
        departmentCode: '052',
        familySituation: 'MAR',
        address: { lines: ['3 rue des Tanneries'], postalCode: '52000', city: 'Chaumont' },
        referenceAt: '2026-01-01',
      },
      flux('2026-01'),
    );
    expect(outcome).toBe('created');
    const members = await service.setMembers(
      row.id,
      [
        { personId: applicant.id, role: 'DEM' },
        { personId: partner.id, role: 'CJT' },
      ],
      flux('2026-01'),
      '2026-01-01',
    );
    expect(members).toEqual({ outcome: 'applied', opened: 2, closed: 0 });
    return { id: row.id, matricule, applicant, partner };
  }

  const record = (input: Omit<RightStatusInput, 'referenceMonth'> & { referenceMonth: string }) =>
    service.recordRightStatus(input, flux(input.referenceMonth.slice(0, 7)));

  beforeAll(async () => {
    gateway = await createTestGateway();
    service = gateway.app.get(HouseholdRightsService);
    const team = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['orientation'] });
    login = team.agent.login;
    departmentId = team.organisation.id;
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should show the household membership with labels from the référentiel when a person belongs to a CAF household', async () => {
    const { id, matricule, applicant } = await household();
    const person = await read(applicant.id);
    expect(person.households).toEqual([
      {
        organisme: 'caf',
        matricule,
        numDemRsa: `RSA${matricule}`,
        role: 'DEM',
        roleLabel: 'Demandeur du RSA',
        since: '2026-01-01',
        household: { id, departmentCode: '052', familySituation: 'MAR', familySituationLabel: 'Mariage' },
      },
    ]);
    expect(person.rsa).toBeNull();
  });

  it('should show the suspension, then the closure, with the month history newest first', async () => {
    const { id: householdId, applicant, partner } = await household();
    const openedOn = '2025-12-15';
    expect(
      (await record({ householdId, referenceMonth: '2026-01-01', etatDossier: '2', openedOn })).outcome,
    ).toBe('recorded');
    expect(
      (await record({ householdId, referenceMonth: '2026-02-01', etatDossier: '2', openedOn })).outcome,
    ).toBe('recorded');
    const suspension = { etatDossier: '4', openedOn, suspensionReason: '06', suspendedOn: '2026-03-05' };
    await record({ householdId, referenceMonth: '2026-03-01', ...suspension });
    await record({
      householdId,
      personId: applicant.id,
      referenceMonth: '2026-03-01',
      ...suspension,
      subjectToRightsAndDuties: true,
    });

    const suspended = await read(applicant.id);
    expect(suspended.rsa).toMatchObject({
      status: 'suspended_payment',
      since: '2026-03-01',
      subjectToRightsAndDuties: true,
      etatDossier: '4',
      etatDossierLabel: "Droit ouvert mais versement suspendu (le montant du droit n'est pas calculable)",
      suspensionReason: '06',
      suspensionReasonLabel: 'Déclaration trimestrielle de ressources non fournie',
      suspendedOn: '2026-03-05',
      closureReason: null,
      closureReasonLabel: null,
      openedOn,
      provenance: { source: 'caf', sourceRef: 'RSABEM-2026-03', recordedBy: 'connector:caf-msa' },
    });
    // The partner reads the household's row: the applicant's own facts (droits et devoirs) are not theirs.
    expect((await read(partner.id)).rsa).toMatchObject({
      status: 'suspended_payment',
      subjectToRightsAndDuties: null,
    });

    await record({
      householdId,
      referenceMonth: '2026-04-01',
      etatDossier: '5',
      openedOn,
      closureReason: 'ECH',
      closedOn: '2026-04-30',
    });
    await record({
      householdId,
      referenceMonth: '2026-05-01',
      etatDossier: '5',
      openedOn,
      closureReason: 'ECH',
      closedOn: '2026-04-30',
    });

    const closed = (await read(applicant.id)).rsa;
    expect(closed).toMatchObject({
      status: 'closed',
      since: '2026-04-01',
      subjectToRightsAndDuties: null,
      etatDossier: '5',
      etatDossierLabel: 'Droit clos',
      suspensionReason: null,
      closureReason: 'ECH',
      closureReasonLabel: 'Clôture suite à échéance (4 mois sans droits)',
      closedOn: '2026-04-30',
    });
    expect(
      closed?.history.map((row) => [
        row.month,
        row.status,
        row.etatDossier,
        row.suspensionReason,
        row.closureReason,
      ]),
    ).toEqual([
      ['2026-05-01', 'closed', '5', null, 'ECH'],
      ['2026-04-01', 'closed', '5', null, 'ECH'],
      ['2026-03-01', 'suspended_payment', '4', '06', null],
      ['2026-02-01', 'open', '2', null, null],
      ['2026-01-01', 'open', '2', null, null],
    ]);
  });

  it('should ignore a status for an older reference month and keep the current one', async () => {
    const { id: householdId, applicant } = await household();
    await record({ householdId, referenceMonth: '2026-03-01', etatDossier: '2' });
    await record({
      householdId,
      referenceMonth: '2026-04-01',
      etatDossier: '5',
      closureReason: 'PCG',
      closedOn: '2026-04-10',
    });
    const rowsBefore = await gateway.dataSource
      .getRepository(RsaRightStatusEntity)
      .count({ where: { householdId } });

    const late = await record({ householdId, referenceMonth: '2026-02-01', etatDossier: '3' });
    expect(late).toEqual({ outcome: 'ignored_older_reference', row: null });
    const lateMembers = await service.setMembers(
      householdId,
      [{ personId: applicant.id, role: 'DEM' }],
      flux('2026-02'),
      '2026-02-01',
    );
    expect(lateMembers.outcome).toBe('ignored_older_reference');

    expect(
      await gateway.dataSource.getRepository(RsaRightStatusEntity).count({ where: { householdId } }),
    ).toBe(rowsBefore);
    const person = await read(applicant.id);
    expect(person.rsa?.status).toBe('closed');
    expect(person.rsa?.closureReasonLabel).toBe(
      'Clôture suite à décision du président du conseil départemental',
    );
    expect(person.rsa?.history.map((row) => [row.month, row.status])).toEqual([
      ['2026-04-01', 'closed'],
      ['2026-03-01', 'open'],
    ]);
    expect(person.households.map((m) => m.role)).toEqual(['DEM']);
  });

  it('should not append a row when the same status is sent again for the same month', async () => {
    const { id: householdId } = await household();
    const first = await record({
      householdId,
      referenceMonth: '2026-02-01',
      etatDossier: '2',
      openedOn: '2026-01-20',
    });
    const again = await record({
      householdId,
      referenceMonth: '2026-02-17',
      etatDossier: '2',
      openedOn: '2026-01-20',
    });
    expect(again).toEqual({ outcome: 'unchanged', row: expect.objectContaining({ id: first.row?.id }) });
    const corrected = await record({
      householdId,
      referenceMonth: '2026-02-01',
      etatDossier: '3',
      openedOn: '2026-01-20',
    });
    expect(corrected.outcome).toBe('recorded');
    expect(
      await gateway.dataSource.getRepository(RsaRightStatusEntity).count({ where: { householdId } }),
    ).toBe(2);
  });

  it('should refuse codes that the référentiel does not know', async () => {
    const { id: householdId } = await household();
    await expect(
      record({ householdId, referenceMonth: '2026-02-01', etatDossier: '4', suspensionReason: 'ZZ' }),
    ).rejects.toMatchObject({
      code: HouseholdRightsExceptionCode.UnknownCode,
    });
    await expect(
      record({ householdId, referenceMonth: '2026-02-01', etatDossier: '9' }),
    ).rejects.toMatchObject({
      code: HouseholdRightsExceptionCode.InvalidEtatDossier,
    });
    expect(
      await gateway.dataSource.getRepository(RsaRightStatusEntity).count({ where: { householdId } }),
    ).toBe(0);
  });

  it('should close the membership of a person who left and keep it as history', async () => {
    const { id: householdId, applicant, partner } = await household();
    await record({ householdId, referenceMonth: '2026-01-01', etatDossier: '2' });
    const result = await service.setMembers(
      householdId,
      [{ personId: applicant.id, role: 'RDO' }],
      flux('2026-05'),
      '2026-05-01',
    );
    expect(result).toEqual({ outcome: 'applied', opened: 1, closed: 2 });

    expect((await read(partner.id)).households).toEqual([]);
    expect((await read(partner.id)).rsa).toBeNull();
    const applicantView = await read(applicant.id);
    expect(applicantView.households.map((m) => [m.role, m.roleLabel, m.since])).toEqual([
      ['RDO', 'Responsable du dossier', '2026-05-01'],
    ]);
    expect(applicantView.rsa?.status).toBe('open');

    const rows = await gateway.dataSource
      .getRepository(HouseholdMemberEntity)
      .find({ where: { householdId }, order: { validFrom: 'ASC', role: 'ASC' } });
    expect(rows.map((row) => [row.personId, row.role, row.validFrom, row.validTo])).toEqual([
      [partner.id, 'CJT', '2026-01-01', '2026-05-01'],
      [applicant.id, 'DEM', '2026-01-01', '2026-05-01'],
      [applicant.id, 'RDO', '2026-05-01', null],
    ]);
  });

  it('should report unchanged and keep the data when the same household is sent again', async () => {
    const { id, matricule } = await household();
    const again = await service.upsertHousehold(
      {
        organisme: 'caf',
        organismeCode: '521',
        matricule,
        numDemRsa: `RSA${matricule}`,
        departmentCode: '052',
        familySituation: 'MAR',
        address: { lines: ['3 rue des Tanneries'], postalCode: '52000', city: 'Chaumont' },
        referenceAt: '2026-02-01',
      },
      flux('2026-02'),
    );
    expect({ id: again.household.id, outcome: again.outcome }).toEqual({ id, outcome: 'unchanged' });
    const moved = await service.upsertHousehold(
      {
        organisme: 'caf',
        matricule,
        departmentCode: '052',
        familySituation: 'DIV',
        referenceAt: '2026-03-01',
      },
      flux('2026-03'),
    );
    expect(moved.outcome).toBe('updated');
    expect(moved.household).toMatchObject({
      id,
      familySituation: 'DIV',
      organismeCode: null,
      lastReferenceAt: new Date('2026-03-01T00:00:00Z'),
    });
    const stale = await service.upsertHousehold(
      {
        organisme: 'caf',
        matricule,
        departmentCode: '052',
        familySituation: 'MAR',
        referenceAt: '2026-02-01',
      },
      flux('2026-02'),
    );
    expect(stale.outcome).toBe('ignored_older_reference');
    expect((await service.findHousehold('caf', matricule))?.familySituation).toBe('DIV');
  });

  it('should give each person their own households and right when several people are read in one request', async () => {
    const lastName = `Foyer${randomUUID().slice(0, 8)}`;
    const first = await household();
    const second = await household();
    const { PersonService } = await import('@spie/person/data-access');
    const persons = gateway.app.get(PersonService);
    for (const person of [first.applicant, second.applicant]) {
      await persons.update(person.id, { lastName, birthDate: '1980-06-06' }, testProvenance());
    }
    await record({ householdId: first.id, referenceMonth: '2026-02-01', etatDossier: '2' });
    await record({ householdId: second.id, referenceMonth: '2026-02-01', etatDossier: '1' });

    const response = await gateway.graphql<{
      searchPersons: Array<{
        id: string;
        households: Array<{ matricule: string }>;
        rsa: { status: string } | null;
      }>;
    }>(
      `query($lastName: String) { searchPersons(input: { lastName: $lastName, birthDate: "1980-06-06" }) {
        id households { matricule } rsa { status } } }`,
      { lastName },
      { as: login },
    );
    expect(response.errors).toBeUndefined();
    const byId = Object.fromEntries(response.data!.searchPersons.map((p) => [p.id, p]));
    expect(byId[first.applicant.id]).toMatchObject({
      households: [{ matricule: first.matricule }],
      rsa: { status: 'open' },
    });
    expect(byId[second.applicant.id]).toMatchObject({
      households: [{ matricule: second.matricule }],
      rsa: { status: 'refused' },
    });
  });

  it('should answer UNAUTHENTICATED when the household of a person is read anonymously', async () => {
    const { applicant, matricule } = await household();
    const response = await gateway.graphql(READ, { id: applicant.id }, { as: null });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response)).not.toContain(matricule);
  });

  it('should refuse a member who is not a known person', async () => {
    const { id } = await household();
    await expect(
      service.setMembers(id, [{ personId: randomUUID(), role: 'DEM' }], flux('2026-02'), '2026-02-01'),
    ).rejects.toMatchObject({
      code: HouseholdRightsExceptionCode.PersonNotFound,
    });
  });

  it('should create the household once when two flux upsert it at the same time', async () => {
    const matricule = `C${randomUUID().slice(0, 8)}`;
    const input = { organisme: 'msa' as const, matricule, departmentCode: '052', referenceAt: '2026-02-01' };
    const results = await Promise.all([
      service.upsertHousehold(input, flux('2026-02')),
      service.upsertHousehold(input, flux('2026-02')),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['created', 'unchanged']);
    expect(new Set(results.map((r) => r.household.id)).size).toBe(1);
  });

  it("should write nothing when the connector's transaction is rolled back", async () => {
    const matricule = `T${randomUUID().slice(0, 8)}`;
    const person = await buildPerson(gateway.dataSource);
    const failure = new Error('flux rejected after the household');
    await expect(
      gateway.dataSource.transaction(async (manager) => {
        const { household: row } = await service.upsertHousehold(
          { organisme: 'caf', matricule, departmentCode: '052' },
          flux('2026-02'),
          manager,
        );
        await service.setMembers(
          row.id,
          [{ personId: person.id, role: 'DEM' }],
          flux('2026-02'),
          '2026-02-01',
          manager,
        );
        await service.recordRightStatus(
          { householdId: row.id, referenceMonth: '2026-02-01', etatDossier: '0' },
          flux('2026-02'),
          manager,
        );
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await service.findHousehold('caf', matricule)).toBeNull();
    expect((await read(person.id)).households).toEqual([]);
  });
});
