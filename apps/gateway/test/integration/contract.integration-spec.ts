import { CONTRACT_IMMUTABILITY_TRIGGERS } from '@spie/contract/data-access';
import { contractContentHash, localDateOf } from '@spie/contract/domain';
import { JobName, JobQueueService } from '@spie/platform/queue';
import {
  buildAgentWithOrganisation,
  buildPerson as buildBarePerson,
  placeInPortfolio,
} from '@spie/shared/testing';

import { createTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway';

const CONTRACT_FIELDS = /* GraphQL */ `
  id
  type
  status
  startDate
  endDate
  currentVersion
  endReason
  organisation { id }
  referent { id name }
  versions {
    id
    version
    startDate
    endDate
    notes
    signedAt
    signedBy { id }
    personAgreed
    signatureMethod
    contentHash
    objectives {
      id
      themeCode
      code
      label
      actions { id code label dueDate status statusHistory { status at by comment } }
    }
  }
  events { kind fromStatus toStatus version by reason }
`;

const CREATE = `mutation($input: CreateContractInput!) { createContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateContractDraftInput!) { updateContractDraft(input: $input) { ${CONTRACT_FIELDS} } }`;
const SIGN = `mutation($input: SignContractInput!) { signContract(input: $input) { ${CONTRACT_FIELDS} } }`;
const CHANGE = `mutation($input: ChangeContractStatusInput!) { changeContractStatus(input: $input) { ${CONTRACT_FIELDS} } }`;
const AMEND = `mutation($id: ID!) { amendContract(contractId: $id) { ${CONTRACT_FIELDS} } }`;
const SET_ACTION = `mutation($input: SetContractActionStatusInput!) { setContractActionStatus(input: $input) { ${CONTRACT_FIELDS} } }`;
const PERSON_CONTRACTS = `query($id: ID!) { person(id: $id) { contracts { ${CONTRACT_FIELDS} } } }`;

interface ActionOut {
  id: string;
  code: string | null;
  label: string;
  dueDate: string | null;
  status: string;
  statusHistory: Array<{ status: string; at: string; by: string; comment: string | null }>;
}
interface VersionOut {
  id: string;
  version: number;
  startDate: string;
  endDate: string;
  notes: string | null;
  signedAt: string | null;
  signedBy: { id: string } | null;
  personAgreed: boolean | null;
  signatureMethod: string | null;
  contentHash: string | null;
  objectives: Array<{
    id: string;
    themeCode: string;
    code: string | null;
    label: string;
    actions: ActionOut[];
  }>;
}
interface ContractOut {
  id: string;
  type: string;
  status: string;
  startDate: string;
  endDate: string;
  currentVersion: number;
  endReason: string | null;
  organisation: { id: string } | null;
  referent: { id: string; name: string } | null;
  versions: VersionOut[];
  events: Array<{
    kind: string;
    fromStatus: string | null;
    toStatus: string;
    version: number;
    by: string;
    reason: string | null;
  }>;
}

const DAY = 24 * 3600 * 1000;
const today = () => localDateOf(new Date());
const inDays = (days: number) => localDateOf(new Date(Date.now() + days * DAY));

const CER_OBJECTIVES = [
  {
    themeCode: 'mobilite',
    code: 'mobilite.obtenir_le_permis_de_conduire_code_conduite',
    actions: [
      { code: 'mobilite.bourse_au_permis', dueDate: '2026-09-30' },
      { label: 'Inscription auto-école sociale' },
    ],
  },
  { themeCode: 'emploi', label: 'Reprendre un emploi à temps partiel', actions: [] },
];

function hashOf(version: VersionOut): string {
  return contractContentHash({
    startDate: version.startDate,
    endDate: version.endDate,
    objectives: version.objectives.map((objective) => ({
      themeCode: objective.themeCode,
      code: objective.code,
      label: objective.label,
      actions: objective.actions.map((action) => ({
        code: action.code,
        label: action.label,
        dueDate: action.dueDate,
      })),
    })),
  });
}

describe('contract', () => {
  let gateway: TestGateway;
  let referent: Awaited<ReturnType<typeof buildAgentWithOrganisation>>;
  /** A person oriented to the référent's department, the référent named. */
  const buildPerson: typeof buildBarePerson = async (dataSource, overrides) => {
    const person = await buildBarePerson(dataSource, overrides);
    await placeInPortfolio(dataSource, {
      personId: person.id,
      organisationId: referent.organisation.id,
      referentAgentId: referent.agent.id,
    });
    return person;
  };

  const call = async <K extends string>(query: string, variables: Record<string, unknown>, key: K) => {
    const response = await gateway.graphql<Record<K, ContractOut>>(query, variables, {
      as: referent.agent.login,
    });
    return { response, contract: response.data?.[key] as ContractOut };
  };
  const create = (overrides: Record<string, unknown> = {}, personId?: string) =>
    (async () => {
      const id = personId ?? (await buildPerson(gateway.dataSource)).id;
      return call(
        CREATE,
        {
          input: {
            personId: id,
            type: 'cer',
            referentAgentId: referent.agent.id,
            startDate: today(),
            endDate: inDays(180),
            objectives: CER_OBJECTIVES,
            ...overrides,
          },
        },
        'createContract',
      );
    })();
  const sign = (contractId: string, overrides: Record<string, unknown> = {}) =>
    call(
      SIGN,
      { input: { contractId, personAgreed: true, signatureMethod: 'in_person', ...overrides } },
      'signContract',
    );
  const change = (contractId: string, changeName: string, reason?: string) =>
    call(CHANGE, { input: { contractId, change: changeName, reason } }, 'changeContractStatus');

  beforeAll(async () => {
    gateway = await createTestGateway();
    referent = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'department',
      roles: ['referent'],
    });
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should have the immutability triggers installed when the database was migrated', async () => {
    const installed: Array<{ tgname: string }> = await gateway.dataSource.query(
      'SELECT tgname FROM pg_trigger WHERE tgname = ANY($1) AND NOT tgisinternal ORDER BY tgname',
      [[...CONTRACT_IMMUTABILITY_TRIGGERS]],
    );
    expect(installed.map((row) => row.tgname)).toEqual([...CONTRACT_IMMUTABILITY_TRIGGERS].sort());
  });

  it('should draft a CER with référentiel labels, sign it, activate it and follow its actions when a référent works it', async () => {
    const person = await buildPerson(gateway.dataSource);
    const { response, contract: draft } = await create({}, person.id);
    expect(response.errors).toBeUndefined();
    expect(draft).toMatchObject({
      type: 'cer',
      status: 'draft',
      currentVersion: 1,
      organisation: { id: referent.organisation.id },
      referent: { id: referent.agent.id },
      events: [{ kind: 'created', fromStatus: null, toStatus: 'draft', version: 1, by: referent.agent.id }],
    });
    const [v1] = draft.versions;
    expect(v1).toMatchObject({ version: 1, signedAt: null, contentHash: null });
    expect(v1!.objectives.map((objective) => [objective.themeCode, objective.code, objective.label])).toEqual(
      [
        [
          'mobilite',
          'mobilite.obtenir_le_permis_de_conduire_code_conduite',
          'Obtenir le permis de conduire (code / conduite)',
        ],
        ['emploi', null, 'Reprendre un emploi à temps partiel'],
      ],
    );
    expect(
      v1!.objectives[0]!.actions.map((action) => [action.code, action.label, action.dueDate, action.status]),
    ).toEqual([
      ['mobilite.bourse_au_permis', 'Bourse au permis', '2026-09-30', 'planned'],
      [null, 'Inscription auto-école sociale', null, 'planned'],
    ]);

    const { response: signed, contract } = await sign(draft.id, { signatureMethod: 'paper' });
    expect(signed.errors).toBeUndefined();
    // Start date is today: signed then activated in the same call.
    expect(contract.status).toBe('active');
    expect(contract.events.map((event) => [event.kind, event.fromStatus, event.toStatus])).toEqual([
      ['created', null, 'draft'],
      ['signed', 'draft', 'signed'],
      ['activated', 'signed', 'active'],
    ]);
    const signedVersion = contract.versions[0]!;
    expect(signedVersion).toMatchObject({
      personAgreed: true,
      signatureMethod: 'paper',
      signedBy: { id: referent.agent.id },
    });
    expect(Date.now() - new Date(signedVersion.signedAt!).getTime()).toBeLessThan(60_000);
    expect(signedVersion.contentHash).toBe(hashOf(signedVersion));

    const action = signedVersion.objectives[0]!.actions[0]!;
    await call(
      SET_ACTION,
      { input: { actionId: action.id, status: 'in_progress' } },
      'setContractActionStatus',
    );
    const { response: followed } = await call(
      SET_ACTION,
      { input: { actionId: action.id, status: 'done', comment: 'Dossier accepté' } },
      'setContractActionStatus',
    );
    expect(followed.errors).toBeUndefined();

    const read = await gateway.graphql<{ person: { contracts: ContractOut[] } }>(
      PERSON_CONTRACTS,
      { id: person.id },
      { as: referent.agent.login },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.person.contracts.map((row) => [row.id, row.status])).toEqual([[draft.id, 'active']]);
    const followedAction = read.data!.person.contracts[0]!.versions[0]!.objectives[0]!.actions[0]!;
    expect(followedAction.status).toBe('done');
    expect(followedAction.statusHistory.map((row) => [row.status, row.by, row.comment])).toEqual([
      ['in_progress', referent.agent.id, null],
      ['done', referent.agent.id, 'Dossier accepté'],
    ]);
    expect(read.data!.person.contracts[0]!.versions[0]!.objectives[0]!.actions[1]!.status).toBe('planned');

    const jobs = await gateway.app
      .get(JobQueueService)
      .queue(JobName.RecomputeParcoursStatus)
      .getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(jobs.find((job) => job.data.personId === person.id)?.data).toMatchObject({
      reason: 'contract',
      actor: { kind: 'agent', id: referent.agent.id, organisationId: referent.organisation.id },
    });
  });

  it('should stay signed until activated when the contract starts later', async () => {
    const { contract: draft } = await create({ startDate: inDays(10), endDate: inDays(200) });
    const { contract } = await sign(draft.id);
    expect(contract.status).toBe('signed');
    const { response, contract: active } = await change(contract.id, 'activate');
    expect(response.errors).toBeUndefined();
    expect(active.status).toBe('active');
    expect(active.events.at(-1)).toMatchObject({
      kind: 'activated',
      fromStatus: 'signed',
      toStatus: 'active',
    });
  });

  it('should change the draft when it is not signed yet', async () => {
    const { contract: draft } = await create();
    const { response, contract } = await call(
      UPDATE,
      {
        input: {
          contractId: draft.id,
          endDate: inDays(90),
          notes: 'Revoir dans 3 mois',
          objectives: [{ themeCode: 'logement', label: 'Trouver un hébergement stable' }],
        },
      },
      'updateContractDraft',
    );
    expect(response.errors).toBeUndefined();
    expect(contract.endDate).toBe(inDays(90));
    expect(contract.versions).toHaveLength(1);
    expect(contract.versions[0]).toMatchObject({
      notes: 'Revoir dans 3 mois',
      startDate: draft.startDate,
      endDate: inDays(90),
    });
    expect(contract.versions[0]!.objectives.map((objective) => objective.label)).toEqual([
      'Trouver un hébergement stable',
    ]);
  });

  it('should refuse to change a signed contract with SIGNED_VERSION_IMMUTABLE', async () => {
    const { contract: draft } = await create();
    const { contract } = await sign(draft.id);
    const { response } = await call(
      UPDATE,
      { input: { contractId: contract.id, notes: 'changed' } },
      'updateContractDraft',
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SIGNED_VERSION_IMMUTABLE',
    });
    const [{ notes }] = await gateway.dataSource.query('SELECT notes FROM contract_version WHERE id = $1', [
      contract.versions[0]!.id,
    ]);
    expect(notes).toBeNull();
  });

  it('should make the database refuse a direct change of a signed version and of its content', async () => {
    const { contract: draft } = await create();
    const { contract } = await sign(draft.id);
    const version = contract.versions[0]!;
    await expect(
      gateway.dataSource.query("UPDATE contract_version SET notes = 'x' WHERE id = $1", [version.id]),
    ).rejects.toThrow(/SIGNED_VERSION_IMMUTABLE/);
    await expect(
      gateway.dataSource.query('DELETE FROM contract_version WHERE id = $1', [version.id]),
    ).rejects.toThrow(/SIGNED_VERSION_IMMUTABLE/);
    await expect(
      gateway.dataSource.query("UPDATE contract_action SET label = 'x' WHERE id = $1", [
        version.objectives[0]!.actions[0]!.id,
      ]),
    ).rejects.toThrow(/SIGNED_VERSION_IMMUTABLE/);
    await expect(
      gateway.dataSource.query(
        "INSERT INTO contract_objective (contract_version_id, position, theme_code, label) VALUES ($1, 9, 'sante', 'ajout')",
        [version.id],
      ),
    ).rejects.toThrow(/SIGNED_VERSION_IMMUTABLE/);
    const [{ hash }] = await gateway.dataSource.query(
      'SELECT content_hash AS hash FROM contract_version WHERE id = $1',
      [version.id],
    );
    expect(hash).toBe(version.contentHash);
  });

  it('should let the database change a version when it is still a draft', async () => {
    const { contract: draft } = await create();
    await gateway.dataSource.query("UPDATE contract_version SET notes = 'brouillon' WHERE id = $1", [
      draft.versions[0]!.id,
    ]);
    const [{ notes }] = await gateway.dataSource.query('SELECT notes FROM contract_version WHERE id = $1', [
      draft.versions[0]!.id,
    ]);
    expect(notes).toBe('brouillon');
  });

  it('should amend a signed contract into version 2 and sign it while version 1 stays as signed', async () => {
    const { contract: draft } = await create();
    const { contract: active } = await sign(draft.id);
    const v1 = active.versions[0]!;
    await call(
      SET_ACTION,
      { input: { actionId: v1.objectives[0]!.actions[0]!.id, status: 'in_progress' } },
      'setContractActionStatus',
    );

    const { response, contract: amended } = await call(AMEND, { id: active.id }, 'amendContract');
    expect(response.errors).toBeUndefined();
    expect(amended).toMatchObject({ status: 'active', currentVersion: 1 });
    const v2 = amended.versions[1]!;
    expect(v2).toMatchObject({ version: 2, signedAt: null, contentHash: null });
    expect(hashOf(v2)).toBe(v1.contentHash);
    // The copied action starts from where the signed one was.
    expect(v2.objectives[0]!.actions.map((action) => action.status)).toEqual(['in_progress', 'planned']);

    const again = await call(AMEND, { id: active.id }, 'amendContract');
    expect(again.response.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'AMENDMENT_IN_PROGRESS',
    });

    await call(UPDATE, { input: { contractId: active.id, endDate: inDays(365) } }, 'updateContractDraft');
    const { contract: resigned } = await sign(active.id, { signatureMethod: 'electronic' });
    expect(resigned).toMatchObject({ status: 'active', currentVersion: 2, endDate: inDays(365) });
    expect(resigned.events.slice(-2).map((event) => [event.kind, event.version])).toEqual([
      ['amended', 2],
      ['amendment_signed', 2],
    ]);
    const { objectives: _objectives, ...v1Record } = v1;
    expect(resigned.versions[0]).toMatchObject(v1Record);
    expect(hashOf(resigned.versions[0]!)).toBe(v1.contentHash);
    expect(resigned.versions[1]!.contentHash).toBe(hashOf(resigned.versions[1]!));
    expect(resigned.versions[1]!.contentHash).not.toBe(v1.contentHash);
  });

  it('should suspend, resume and end with a reason when the transitions are allowed', async () => {
    const { contract: draft } = await create();
    await sign(draft.id);
    expect((await change(draft.id, 'suspend', 'Hospitalisation')).contract.status).toBe('suspended');
    expect((await change(draft.id, 'resume')).contract.status).toBe('active');
    const { contract } = await change(draft.id, 'end', 'Emploi durable');
    expect(contract).toMatchObject({ status: 'ended', endReason: 'Emploi durable' });
    expect(
      contract.events.slice(-3).map((event) => [event.kind, event.fromStatus, event.toStatus, event.reason]),
    ).toEqual([
      ['suspended', 'active', 'suspended', 'Hospitalisation'],
      ['resumed', 'suspended', 'active', null],
      ['ended', 'active', 'ended', 'Emploi durable'],
    ]);
  });

  it('should refuse invalid transitions with INVALID_TRANSITION and leave the status as it was', async () => {
    const { contract: draft } = await create();
    expect((await change(draft.id, 'suspend')).response.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect((await change(draft.id, 'activate')).response.errors?.[0]?.extensions?.['reason']).toBe(
      'INVALID_TRANSITION',
    );
    await sign(draft.id);
    expect((await change(draft.id, 'resume')).response.errors?.[0]?.extensions?.['reason']).toBe(
      'INVALID_TRANSITION',
    );
    await change(draft.id, 'end', 'Déménagement');
    expect((await change(draft.id, 'end', 'encore')).response.errors?.[0]?.extensions?.['reason']).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      (await call(AMEND, { id: draft.id }, 'amendContract')).response.errors?.[0]?.extensions?.['reason'],
    ).toBe('INVALID_TRANSITION');
    const [{ status }] = await gateway.dataSource.query('SELECT status FROM contract WHERE id = $1', [
      draft.id,
    ]);
    expect(status).toBe('ended');
  });

  it('should abandon a draft when it is ended before any signature', async () => {
    const { contract: draft } = await create();
    const { contract } = await change(draft.id, 'end', 'Abandon du projet');
    expect(contract.status).toBe('ended');
    expect((await sign(draft.id)).response.errors?.[0]?.extensions?.['reason']).toBe('INVALID_TRANSITION');
  });

  it('should refuse to sign without the person’s agreement and to end without a reason', async () => {
    const { contract: draft } = await create();
    const refused = await sign(draft.id, { personAgreed: false });
    expect(refused.response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PERSON_AGREEMENT_REQUIRED',
    });
    expect(invalidPaths(refused.response)).toEqual(['personAgreed']);
    expect((await change(draft.id, 'end')).response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REASON_REQUIRED',
    });
  });

  it('should record an objective reached as a follow-up status, leave the signed version as signed and carry the status into an amendment', async () => {
    const SET_OBJECTIVE = `mutation($input: SetContractObjectiveStatusInput!) {
      setContractObjectiveStatus(input: $input) { id status versions { version contentHash objectives { id status statusHistory { status by comment } } } }
    }`;
    const { contract: draft } = await create();
    const draftObjective = draft.versions[0]!.objectives[0]!.id;
    const unsigned = await gateway.graphql(
      SET_OBJECTIVE,
      { input: { objectiveId: draftObjective, status: 'reached' } },
      { as: referent.agent.login },
    );
    expect(unsigned.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OBJECTIVE_NOT_SIGNED',
    });

    const { contract: active } = await sign(draft.id);
    const signedHash = active.versions[0]!.contentHash;
    const reached = await gateway.graphql<{
      setContractObjectiveStatus: {
        versions: Array<{
          contentHash: string | null;
          objectives: Array<{
            id: string;
            status: string;
            statusHistory: Array<{ status: string; by: string; comment: string | null }>;
          }>;
        }>;
      };
    }>(
      SET_OBJECTIVE,
      { input: { objectiveId: draftObjective, status: 'reached', comment: 'Permis obtenu' } },
      { as: referent.agent.login },
    );
    expect(reached.errors).toBeUndefined();
    const [v1] = reached.data!.setContractObjectiveStatus.versions;
    expect(v1!.contentHash).toBe(signedHash);
    expect(v1!.objectives.map((objective) => objective.status)).toEqual(['reached', 'in_progress']);
    expect(v1!.objectives[0]!.statusHistory).toEqual([
      { status: 'reached', by: referent.agent.id, comment: 'Permis obtenu' },
    ]);

    const { contract: amended } = await call(AMEND, { id: active.id }, 'amendContract');
    const objectives = await gateway.graphql<{
      person: {
        contracts: Array<{ id: string; versions: Array<{ objectives: Array<{ status: string }> }> }>;
      };
    }>(
      `query($id: ID!) { person(id: $id) { contracts { id versions { objectives { status } } } } }`,
      {
        id: (await gateway.dataSource.query('SELECT person_id FROM contract WHERE id = $1', [amended.id]))[0]
          .person_id,
      },
      { as: referent.agent.login },
    );
    const versions = objectives.data!.person.contracts.find((c) => c.id === amended.id)!.versions;
    expect(versions[1]!.objectives.map((objective) => objective.status)).toEqual(['reached', 'in_progress']);

    await change(active.id, 'end', 'Emploi durable');
    const ended = await gateway.graphql(
      SET_OBJECTIVE,
      { input: { objectiveId: draftObjective, status: 'abandoned' } },
      { as: referent.agent.login },
    );
    expect(ended.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('should refuse to follow an action when its version is not signed', async () => {
    const { contract: draft } = await create();
    const { response } = await call(
      SET_ACTION,
      { input: { actionId: draft.versions[0]!.objectives[0]!.actions[0]!.id, status: 'done' } },
      'setContractActionStatus',
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ACTION_NOT_SIGNED' });
  });

  it('should answer BAD_USER_INPUT naming the field when dates or codes are invalid', async () => {
    const dates = await create({ startDate: '2026-06-01', endDate: '2026-06-01' });
    expect(dates.response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DATES',
    });
    expect(invalidPaths(dates.response)).toEqual(['endDate']);

    const codes = await create({
      objectives: [
        { themeCode: 'mobilite', code: 'mobilite.voler', actions: [{ code: 'logement.inconnue' }] },
      ],
    });
    expect(codes.response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CODE',
    });
    expect(invalidPaths(codes.response)).toEqual(['objectives.0.code', 'objectives.0.actions.0.code']);

    const theme = await create({
      objectives: [{ themeCode: 'logement', code: 'mobilite.acceder_a_un_vehicule' }],
    });
    expect(theme.response.errors?.[0]?.extensions?.['reason']).toBe('CODE_OUTSIDE_THEME');

    const { contract: draft } = await create();
    await sign(draft.id);
    const status = await call(
      SET_ACTION,
      { input: { actionId: draft.versions[0]!.objectives[0]!.actions[0]!.id, status: 'finished' } },
      'setContractActionStatus',
    );
    expect(status.response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CODE',
    });
    expect(invalidPaths(status.response)).toEqual(['status']);

    const type = await create({ type: 'rsa' });
    expect(type.response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('should answer NOT_FOUND when the person or the contract is unknown', async () => {
    const person = await create({}, '3f0e8b8a-2f55-4d7e-9a8c-0b1d2c3e4f5a');
    // The same answer as for a person or contract outside the portfolio: existence is not revealed.
    expect(person.response.errors?.[0]).toMatchObject({
      message: 'No such person or record',
      extensions: { code: 'NOT_FOUND' },
    });
    const contract = await change('3f0e8b8a-2f55-4d7e-9a8c-0b1d2c3e4f5a', 'activate');
    expect(contract.response.errors?.[0]).toMatchObject({
      message: 'No such person or record',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

function invalidPaths(response: GraphQLResponse): string[] {
  const fields = response.errors?.[0]?.extensions?.['invalidFields'] as Array<{ path: string }> | undefined;
  return (fields ?? []).map((field) => field.path);
}
