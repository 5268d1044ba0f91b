import { DiagnosticItemEntity } from '@spie/diagnostic/data-access';
import { JobName, JobQueueService } from '@spie/platform/queue';
import { REFERENTIEL_V1 } from '@spie/referentiel/domain';
import {
  buildAgentWithOrganisation,
  buildPerson as buildBarePerson,
  placeInPortfolio,
} from '@spie/shared/testing';

import { createTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordDiagnosticInput!) {
    recordDiagnostic(input: $input) {
      id
      version
      educationLevel
      workSituation
      workSituationSince
      rqth
      referentielVersion
      author {
        organisation {
          id
          name
        }
        agent {
          id
          name
        }
      }
      themes {
        code
        label
        situations {
          code
          label
          provenance {
            source
            recordedBy
            recordedAt
          }
        }
        needs {
          code
          label
          value
          provenance {
            recordedBy
            recordedAt
          }
        }
        constraints {
          code
          label
          value
          provenance {
            recordedBy
            recordedAt
          }
        }
      }
      projects {
        romeCode
        label
        mobilityRadiusKm
        provenance {
          recordedBy
        }
      }
      provenance {
        source
        sourceRef
        recordedBy
      }
    }
  }
`;

const READ = /* GraphQL */ `
  query Read($id: ID!) {
    person(id: $id) {
      diagnostic {
        version
        educationLevel
        themes {
          code
          label
          situations {
            code
            label
            provenance {
              recordedAt
            }
          }
          constraints {
            code
            value
            provenance {
              recordedAt
            }
          }
        }
        projects {
          romeCode
        }
      }
      diagnosticHistory {
        version
        source
      }
    }
  }
`;

interface ProvenanceOut {
  source?: string;
  recordedBy: string;
  recordedAt: string;
}
interface ItemOut {
  code: string;
  label: string;
  value?: string;
  provenance: ProvenanceOut;
}
interface DiagnosticOut {
  id: string;
  version: number;
  educationLevel: string | null;
  workSituation: string | null;
  workSituationSince: string | null;
  rqth: boolean | null;
  referentielVersion: string;
  author: { organisation: { id: string; name: string } | null; agent: { id: string; name: string } | null };
  themes: Array<{
    code: string;
    label: string;
    situations: ItemOut[];
    needs: ItemOut[];
    constraints: ItemOut[];
  }>;
  projects: Array<{
    romeCode: string;
    label: string | null;
    mobilityRadiusKm: number | null;
    provenance: ProvenanceOut;
  }>;
  provenance: { source: string; sourceRef: string | null; recordedBy: string };
}

function labelIn(list: string, code: string): string {
  const entry = REFERENTIEL_V1.lists
    .find((candidate) => candidate.code === list)
    ?.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`${list}:${code} is not in the seed`);
  return entry.label;
}

const MOBILITY_INPUT = {
  educationLevel: 'NV4',
  workSituation: 'recherche_emploi',
  workSituationSince: '2025-09-01',
  rqth: false,
  themes: [
    {
      code: 'mobilite',
      situations: [
        'mobilite.aucun_moyen_de_transport_a_disposition',
        'mobilite.dependant_des_transports_en_commun',
      ],
      constraints: [{ code: '23', value: 'OUI' }],
    },
    {
      code: 'choisir_un_metier',
      needs: [{ code: 'choisir_un_metier.confirmer_son_choix_de_metier', value: 'BESOIN' }],
    },
  ],
  projects: [{ romeCode: 'K1303', label: 'Assistance auprès d’adultes', mobilityRadiusKm: 25 }],
};

describe('diagnostic', () => {
  let gateway: TestGateway;
  let adviser: Awaited<ReturnType<typeof buildAgentWithOrganisation>>;
  /** A person oriented to the adviser's agency, the adviser as named référent. */
  const buildPerson: typeof buildBarePerson = async (dataSource, overrides) => {
    const person = await buildBarePerson(dataSource, overrides);
    await placeInPortfolio(dataSource, {
      personId: person.id,
      organisationId: adviser.organisation.id,
      referentAgentId: adviser.agent.id,
    });
    return person;
  };

  const record = (input: Record<string, unknown>, as = adviser.agent.login) =>
    (async () =>
      gateway.graphql<{ recordDiagnostic: DiagnosticOut }>(
        RECORD,
        { input },
        { token: await twoFactor(as) },
      ))();
  /** RQTH is health data: read with a two-factor sign-in, by the person's named référent. */
  const twoFactor = (login: string) => gateway.tokenFor(login, { acr: '2fa' });

  beforeAll(async () => {
    gateway = await createTestGateway();
    adviser = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'france_travail_agency',
      roles: ['adviser'],
    });
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('should return the diagnostic with labels, provenance and author when an adviser records one', async () => {
    const person = await buildPerson(gateway.dataSource);
    const response = await record({ personId: person.id, ...MOBILITY_INPUT });
    expect(response.errors).toBeUndefined();
    const diagnostic = response.data!.recordDiagnostic;
    expect(diagnostic).toMatchObject({
      version: 1,
      educationLevel: 'NV4',
      workSituation: 'recherche_emploi',
      workSituationSince: '2025-09-01',
      rqth: false,
      referentielVersion: REFERENTIEL_V1.version,
      author: {
        organisation: { id: adviser.organisation.id, name: adviser.organisation.name },
        agent: { id: adviser.agent.id, name: `${adviser.agent.givenName} ${adviser.agent.usualName}` },
      },
      provenance: { source: 'hub', recordedBy: adviser.agent.id },
      projects: [
        {
          romeCode: 'K1303',
          label: 'Assistance auprès d’adultes',
          mobilityRadiusKm: 25,
          provenance: { recordedBy: adviser.agent.id },
        },
      ],
    });
    expect(diagnostic.provenance.sourceRef).toEqual(expect.any(String));
    // Themes come in référentiel order (mobilite before choisir_un_metier), with the référentiel's labels.
    expect(diagnostic.themes.map((theme) => [theme.code, theme.label])).toEqual([
      ['mobilite', 'Mobilité'],
      ['choisir_un_metier', labelIn('theme', 'choisir_un_metier')],
    ]);
    const [mobility, job] = diagnostic.themes;
    expect(mobility!.situations.map((item) => [item.code, item.label, item.provenance.recordedBy])).toEqual([
      [
        'mobilite.aucun_moyen_de_transport_a_disposition',
        'Aucun moyen de transport à disposition',
        adviser.agent.id,
      ],
      [
        'mobilite.dependant_des_transports_en_commun',
        labelIn('situation', 'mobilite.dependant_des_transports_en_commun'),
        adviser.agent.id,
      ],
    ]);
    expect(mobility!.constraints.map((item) => [item.code, item.label, item.value])).toEqual([
      ['23', labelIn('ft-contrainte', '23'), 'OUI'],
    ]);
    expect(job!.needs.map((item) => [item.code, item.label, item.value])).toEqual([
      ['choisir_un_metier.confirmer_son_choix_de_metier', 'Confirmer son choix de métier', 'BESOIN'],
    ]);

    const read = await gateway.graphql<{
      person: { diagnostic: { version: number; educationLevel: string }; diagnosticHistory: unknown[] };
    }>(READ, { id: person.id }, { token: await twoFactor(adviser.agent.login) });
    expect(read.errors).toBeUndefined();
    expect(read.data?.person.diagnostic).toMatchObject({
      version: 1,
      educationLevel: 'NV4',
      projects: [{ romeCode: 'K1303' }],
    });
    expect(read.data?.person.diagnosticHistory).toEqual([{ version: 1, source: 'hub' }]);
  });

  it('should ask the worker to recompute the parcours when a diagnostic is recorded', async () => {
    const person = await buildPerson(gateway.dataSource);
    expect((await record({ personId: person.id, ...MOBILITY_INPUT })).errors).toBeUndefined();
    const queue = gateway.app.get(JobQueueService).queue(JobName.RecomputeParcoursStatus);
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
    const job = jobs.find((candidate) => candidate.data.personId === person.id);
    expect(job?.name).toBe(JobName.RecomputeParcoursStatus);
    expect(job?.data).toEqual({
      personId: person.id,
      reason: 'diagnostic',
      correlationId: expect.any(String),
      actor: {
        kind: 'agent',
        id: adviser.agent.id,
        login: adviser.agent.login,
        organisationId: adviser.organisation.id,
      },
    });
  });

  it('should create version 2 and keep version 1 intact when the diagnostic is recorded again', async () => {
    const person = await buildPerson(gateway.dataSource);
    const first = (await record({ personId: person.id, ...MOBILITY_INPUT })).data!.recordDiagnostic;
    const secondAdviser = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'department',
      roles: ['referent'],
    });
    // The department's référent is named on the orientation: the person is in both portfolios.
    await placeInPortfolio(gateway.dataSource, {
      personId: person.id,
      organisationId: adviser.organisation.id,
      referentAgentId: secondAdviser.agent.id,
    });
    const response = await record(
      {
        personId: person.id,
        workSituation: 'formation',
        themes: [
          {
            code: 'mobilite',
            situations: ['mobilite.aucun_moyen_de_transport_a_disposition'],
            constraints: [{ code: '23', value: 'CLOTUREE' }],
          },
        ],
        projects: [],
      },
      secondAdviser.agent.login,
    );
    expect(response.errors).toBeUndefined();
    const second = response.data!.recordDiagnostic;
    expect(second.version).toBe(2);
    expect(second.id).not.toBe(first.id);
    // Left out: kept. Sent: replaced.
    expect(second).toMatchObject({
      educationLevel: 'NV4',
      workSituation: 'formation',
      rqth: false,
      projects: [],
    });
    expect(second.author.organisation?.id).toBe(secondAdviser.organisation.id);
    const [mobility] = second.themes;
    const firstMobility = first.themes[0]!;
    // The unchanged situation keeps who stated it first; the changed constraint is the second adviser's.
    expect(mobility!.situations).toEqual([firstMobility.situations[0]]);
    expect(mobility!.situations[0]!.provenance.recordedBy).toBe(adviser.agent.id);
    expect(mobility!.constraints[0]).toMatchObject({
      value: 'CLOTUREE',
      provenance: { recordedBy: secondAdviser.agent.id },
    });

    const read = await gateway.graphql<{
      person: { diagnostic: { version: number }; diagnosticHistory: Array<{ version: number }> };
    }>(READ, { id: person.id }, { token: await twoFactor(adviser.agent.login) });
    expect(read.data?.person.diagnostic.version).toBe(2);
    expect(read.data?.person.diagnosticHistory.map((row) => row.version)).toEqual([2, 1]);
    const firstItems = await gateway.dataSource
      .getRepository(DiagnosticItemEntity)
      .find({ where: { diagnosticId: first.id }, order: { code: 'ASC' } });
    expect(firstItems.map((item) => [item.themeCode, item.kind, item.code, item.value])).toEqual([
      ['mobilite', 'constraint', '23', 'OUI'],
      ['choisir_un_metier', 'need', 'choisir_un_metier.confirmer_son_choix_de_metier', 'BESOIN'],
      ['mobilite', 'situation', 'mobilite.aucun_moyen_de_transport_a_disposition', null],
      ['mobilite', 'situation', 'mobilite.dependant_des_transports_en_commun', null],
    ]);
  });

  it('should give distinct consecutive versions when records for one person run concurrently', async () => {
    const person = await buildPerson(gateway.dataSource);
    const responses = await Promise.all(
      ['NV5', 'NV4', 'NV3', 'NV2', 'NV1'].map((educationLevel) =>
        record({ personId: person.id, educationLevel, themes: [], projects: [] }),
      ),
    );
    expect(responses.map((response) => response.errors)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(responses.map((response) => response.data!.recordDiagnostic.version).sort()).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('should answer BAD_USER_INPUT with reason UNKNOWN_CODE and the field when a code is unknown', async () => {
    const person = await buildPerson(gateway.dataSource);
    const response = await record({
      personId: person.id,
      educationLevel: 'NV9',
      themes: [{ code: 'mobilite', situations: ['mobilite.permis_b', 'mobilite.teleportation'] }],
      projects: [],
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CODE',
    });
    expect(invalidPaths(response)).toEqual(['educationLevel', 'themes.0.situations.1']);
    expect(response.errors?.[0]?.message).toContain('mobilite.teleportation');
    expect(
      (
        await gateway.dataSource.query('SELECT count(*)::int AS n FROM diagnostic WHERE person_id = $1', [
          person.id,
        ])
      )[0].n,
    ).toBe(0);
  });

  it('should answer BAD_USER_INPUT naming romeCode when a ROME code is malformed', async () => {
    const person = await buildPerson(gateway.dataSource);
    const response = await record({ personId: person.id, themes: [], projects: [{ romeCode: 'K13' }] });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(invalidPaths(response)).toEqual(['projects.0.romeCode']);
  });

  it('should refuse a situation when it belongs to another theme', async () => {
    const person = await buildPerson(gateway.dataSource);
    const response = await record({
      personId: person.id,
      themes: [
        { code: 'logement', situations: ['mobilite.permis_b'], constraints: [{ code: '23', value: 'OUI' }] },
      ],
      projects: [],
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CODE_OUTSIDE_THEME',
    });
    expect(invalidPaths(response)).toEqual(['themes.0.situations.0', 'themes.0.constraints.0.code']);
  });

  it('should refuse more themes than allowed when the list is too long', async () => {
    const person = await buildPerson(gateway.dataSource);
    const themes = Array.from({ length: 33 }, () => ({ code: 'mobilite' }));
    const response = await record({ personId: person.id, themes, projects: [] });
    expect(response.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(invalidPaths(response)).toEqual(['themes']);
  });

  it('should answer NOT_FOUND when the person is unknown', async () => {
    const response = await record({
      personId: '3f0e8b8a-2f55-4d7e-9a8c-0b1d2c3e4f5a',
      themes: [],
      projects: [],
    });
    // The same answer as for a person outside the adviser's portfolio: existence is not revealed.
    expect(response.errors?.[0]).toMatchObject({
      message: 'No such person or record',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(response.errors?.[0]?.extensions?.['reason']).toBeUndefined();
  });

  it('should answer null when the person has no diagnostic', async () => {
    const person = await buildPerson(gateway.dataSource);
    const read = await gateway.graphql<{ person: { diagnostic: unknown; diagnosticHistory: unknown[] } }>(
      READ,
      { id: person.id },
      { token: await twoFactor(adviser.agent.login) },
    );
    expect(read.data?.person).toEqual({ diagnostic: null, diagnosticHistory: [] });
  });
});

function invalidPaths(response: GraphQLResponse): string[] {
  const fields = response.errors?.[0]?.extensions?.['invalidFields'] as Array<{ path: string }> | undefined;
  return (fields ?? []).map((field) => field.path);
}
