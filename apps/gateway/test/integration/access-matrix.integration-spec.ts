import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';

import { ConsentService, HabilitationService } from '@spie/access/data-access';
import { accessMatrix, DataCategory, type MatrixRow } from '@spie/access/domain';
import { DiagnosticService } from '@spie/diagnostic/data-access';
import { DEMO_PERSONAS } from '@spie/ops/demo-seed';
import type { OrganisationType } from '@spie/organisation/data-access';
import {
  buildAgentWithOrganisation,
  buildPerson,
  placeInPortfolio,
  placeInTerritory,
} from '@spie/shared/testing';

import { createTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway';

/**
 * Walks docs/access-matrix.md (derived from the same policy data) through the real gateway with real tokens of the
 * local OpenID provider: every persona, every category a GraphQL field exposes, read and write; then the edges: out of
 * scope, no second factor, no consent, an opposition, a revoked habilitation, expired and forged tokens.
 */
const FILE_FIELDS = `
  id
  identity { lastName }
  contact { email }
  households { role }
  rsa { etatDossier }
  diagnostic { rqth educationLevel themes { code } }
  diagnosticHistory { version }
  contracts { id }
  orientation { id }
`;
const FILE = `query($id: ID!) { person(id: $id) { ${FILE_FIELDS} } }`;
const ME_FILE = `{ me { person { ${FILE_FIELDS} } } }`;

/** The categories a field of the person file exposes, each observable through `extensions.access.masked`. */
const OBSERVABLE: readonly DataCategory[] = [
  DataCategory.Identity,
  DataCategory.Contact,
  DataCategory.Household,
  DataCategory.RsaRights,
  DataCategory.DiagnosticSocial,
  DataCategory.DiagnosticHealth,
  DataCategory.DiagnosticProfessional,
  DataCategory.Contract,
  DataCategory.Orientation,
];

interface Masked {
  path: string;
  category: string;
  reason: string;
}
type FileResponse = GraphQLResponse<{ person: Record<string, unknown> | null }>;

const maskedOf = (response: GraphQLResponse<unknown>): Map<string, string> =>
  new Map(
    (((response.extensions?.['access'] as { masked?: Masked[] } | undefined)?.masked ?? []) as Masked[]).map(
      (entry) => [entry.category, entry.reason],
    ),
  );
const codeOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.['code'];

const CONTRACT_TYPE: Record<string, string> = {
  department: 'cer',
  france_travail_agency: 'ppae',
  mission_locale: 'cej',
};

describe('access matrix: every persona × category × operation through the real gateway', () => {
  let gateway: TestGateway;
  const rows = accessMatrix(DEMO_PERSONAS);

  beforeAll(async () => {
    gateway = await createTestGateway();
  }, 120_000);

  afterAll(async () => {
    await gateway?.close();
  });

  /** A person with data in every observable category, in the organisation's portfolio (the agent named référent). */
  async function richPerson(organisationId: string, referentAgentId: string | null): Promise<string> {
    const person = await buildPerson(gateway.dataSource, {
      firstNames: [`Matrice${randomUUID().slice(0, 8)}`],
      email: 'personne@example.fr',
    } as Parameters<typeof buildPerson>[1]);
    await placeInTerritory(gateway.dataSource, { personId: person.id });
    await gateway.app.get(DiagnosticService).record(
      person.id,
      {
        educationLevel: 'NV4',
        workSituation: 'recherche_emploi',
        rqth: true,
        themes: [
          { code: 'mobilite', situations: ['mobilite.dependant_des_transports_en_commun'] },
          { code: 'sante', situations: ['sante.difficulte_declaree_entrainant_des_absences_regulieres'] },
        ],
        projects: [],
      } as Parameters<DiagnosticService['record']>[1],
      { source: 'hub', sourceRef: null, observedAt: new Date(), recordedAt: new Date(), recordedBy: 'test' },
      { agentId: null, organisationId: null },
    );
    await placeInPortfolio(gateway.dataSource, { personId: person.id, organisationId, referentAgentId });
    return person.id;
  }

  async function personaAgent(row: MatrixRow) {
    const built = await buildAgentWithOrganisation(gateway.dataSource, {
      type: row.persona.organisationType as OrganisationType,
      roles: [...row.persona.roles],
    });
    if (row.persona.roles.includes('dpo')) {
      // As in the demo seed: the DPO's organisation also holds the control habilitation.
      await new HabilitationService(gateway.dataSource).seedFromTemplates([built.organisation], {
        dpoOrganisationIds: [built.organisation.id],
        grantedBy: 'test',
      });
    }
    return built;
  }

  const readsFiles = (row: MatrixRow) => OBSERVABLE.some((category) => row.read[category] !== 'refused');

  describe.each(
    rows.filter((row) => row.persona.kind === 'agent').map((row) => [row.persona.login, row] as const),
  )('%s', (_login, row) => {
    let agent: Awaited<ReturnType<typeof buildAgentWithOrganisation>>;
    let personId: string;
    const read = async (id: string, purpose: string | undefined, acr: 'eidas1' | '2fa' = '2fa') =>
      (await gateway.graphql(
        FILE,
        { id },
        {
          token: await gateway.tokenFor(agent.agent.login, { acr }),
          headers: purpose ? { 'x-spie-purpose': purpose } : {},
        },
      )) as FileResponse;

    beforeAll(async () => {
      agent = await personaAgent(row);
      personId = await richPerson(agent.organisation.id, agent.agent.id);
    });

    it('should read each category as the matrix says (two factors, named référent)', async () => {
      if (!readsFiles(row)) {
        for (const purpose of [undefined, ...row.purposes]) {
          const response = await read(personId, purpose);
          expect(codeOf(response)).toBe('FORBIDDEN');
          expect(response.data?.person ?? null).toBeNull();
        }
        return;
      }
      const readable = new Set<string>();
      const maskedEverywhere = new Map<string, Set<string>>();
      for (const purpose of row.readPurposes) {
        const response = await read(personId, purpose);
        expect(response.errors).toBeUndefined();
        expect(response.data?.person?.['id']).toBe(personId);
        const masked = maskedOf(response);
        for (const category of OBSERVABLE) {
          if (masked.has(category))
            maskedEverywhere.set(
              category,
              (maskedEverywhere.get(category) ?? new Set()).add(masked.get(category)!),
            );
          else readable.add(category);
        }
      }
      for (const category of OBSERVABLE) {
        const cell = row.read[category];
        if (cell === 'allowed' || cell === 'special')
          expect([category, readable.has(category)]).toEqual([category, true]);
        else
          expect([category, [...(maskedEverywhere.get(category) ?? [])]]).toEqual([
            category,
            ['not_habilitated'],
          ]);
      }
    });

    it('should not find a person outside the portfolio, whatever the purpose', async () => {
      if (!readsFiles(row)) return;
      const stranger = await buildPerson(gateway.dataSource);
      for (const purpose of row.readPurposes) {
        const response = await read(stranger.id, purpose);
        expect(response.errors).toBeUndefined();
        expect(response.data?.person).toBeNull();
      }
    });

    it('should mask special categories without a second factor, and without consent for a référent not named', async () => {
      const special = OBSERVABLE.filter((category) => row.read[category] === 'special');
      if (special.length === 0) return;
      const [purpose] = row.readPurposes;
      const oneFactor = maskedOf(await read(personId, purpose, 'eidas1'));
      for (const category of special) expect(oneFactor.get(category)).toBe('two_factor_required');

      const notNamed = await richPerson(agent.organisation.id, null);
      const withoutConsent = maskedOf(await read(notNamed, purpose));
      for (const category of special) expect(withoutConsent.get(category)).toBe('consent_required');
      await new ConsentService(gateway.dataSource).record({
        personId: notNamed,
        decision: 'permit',
        categories: special,
        verificationMethod: 'franceconnect',
        verifiedBy: 'test',
      });
      const withConsent = maskedOf(await read(notNamed, purpose));
      for (const category of special) expect(withConsent.has(category)).toBe(false);
    });

    it('should write each category as the matrix says', async () => {
      const token = await gateway.tokenFor(agent.agent.login, { acr: '2fa' });
      const headers: Record<string, string> = row.purposes[0] ? { 'x-spie-purpose': row.purposes[0] } : {};
      const writes: Array<[DataCategory, string, Record<string, unknown>]> = [
        [
          DataCategory.Orientation,
          'mutation($input: OrientPersonInput!) { orientPerson(input: $input) { id } }',
          { personId, type: 'social', structureId: agent.organisation.id, referentAgentId: agent.agent.id },
        ],
        [
          DataCategory.DiagnosticSocial,
          'mutation($input: RecordDiagnosticInput!) { recordDiagnostic(input: $input) { id } }',
          {
            personId,
            themes: [{ code: 'mobilite', situations: ['mobilite.dependant_des_transports_en_commun'] }],
            projects: [],
          },
        ],
        [
          DataCategory.Contract,
          'mutation($input: CreateContractInput!) { createContract(input: $input) { id } }',
          {
            personId,
            type: CONTRACT_TYPE[row.persona.organisationType ?? ''] ?? 'cer',
            startDate: '2026-12-01',
            endDate: '2027-06-01',
            objectives: [],
          },
        ],
      ];
      for (const [category, mutation, input] of writes) {
        const response = await gateway.graphql(mutation, { input }, { token, headers });
        const code = codeOf(response);
        if (row.write[category] === 'allowed') expect([category, code]).toEqual([category, undefined]);
        else expect([category, code]).toEqual([category, 'FORBIDDEN']);
      }
    });
  });

  describe('allocataire-demo (the person)', () => {
    const row = rows.find((candidate) => candidate.persona.kind === 'person')!;

    it('should read their own file as the matrix says, and no one else’s', async () => {
      const { organisation, agent } = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'department',
        roles: ['referent'],
      });
      const personId = await richPerson(organisation.id, agent.id);
      const token = await gateway.tokenFor(personId, { kind: 'person' });
      const response = await gateway.graphql<{ me: { person: { id: string } | null } }>(
        ME_FILE,
        {},
        { token },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data?.me.person?.id).toBe(personId);
      const masked = maskedOf(response);
      for (const category of OBSERVABLE)
        expect([category, masked.get(category) ?? null]).toEqual([
          category,
          row.read[category] === 'allowed' ? null : 'not_habilitated',
        ]);
      const other = await richPerson(organisation.id, agent.id);
      const foreign = await gateway.graphql<{ person: unknown }>(FILE, { id: other }, { token });
      expect(codeOf(foreign)).toBe('FORBIDDEN');
    });
  });

  describe('edges', () => {
    let adviser: Awaited<ReturnType<typeof buildAgentWithOrganisation>>;
    let personId: string;

    beforeAll(async () => {
      adviser = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'france_travail_agency',
        roles: ['adviser'],
      });
      personId = await richPerson(adviser.organisation.id, adviser.agent.id);
    });

    it('should mask what the person objects to from the adviser’s next request', async () => {
      const token = await gateway.tokenFor(personId, { kind: 'person' });
      const before = (await gateway.graphql(
        FILE,
        { id: personId },
        { as: adviser.agent.login },
      )) as FileResponse;
      expect(maskedOf(before).has(DataCategory.DiagnosticSocial)).toBe(false);
      const set = await gateway.graphql(
        'mutation { setMyChoice(code: "opposition-situation-personnelle", active: true) { active } }',
        {},
        { token },
      );
      expect(set.errors).toBeUndefined();
      const after = (await gateway.graphql(
        FILE,
        { id: personId },
        { as: adviser.agent.login },
      )) as FileResponse;
      expect(maskedOf(after).get(DataCategory.DiagnosticSocial)).toBe('opposition');
    });

    it('should refuse the next request of an organisation whose habilitation an administrator revoked', async () => {
      const admin = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['admin'] });
      const ml = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'mission_locale',
        roles: ['adviser'],
      });
      const id = await richPerson(ml.organisation.id, ml.agent.id);
      expect(
        ((await gateway.graphql(FILE, { id }, { as: ml.agent.login })) as FileResponse).data?.person?.['id'],
      ).toBe(id);
      const rows = await new HabilitationService(gateway.dataSource).list(ml.organisation.id);
      for (const habilitation of rows) {
        const revoked = await gateway.graphql(
          'mutation($id: ID!) { revokeHabilitation(id: $id, reason: "convention dénoncée") { revokedAt } }',
          { id: habilitation.id },
          { as: admin.agent.login },
        );
        expect(revoked.errors).toBeUndefined();
      }
      const refused = (await gateway.graphql(FILE, { id }, { as: ml.agent.login })) as FileResponse;
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.data?.person ?? null).toBeNull();
    });

    it('should refuse an expired token', async () => {
      const token = await gateway.tokenFor(adviser.agent.login, { ttlSeconds: 1 });
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const response = await gateway.graphql(FILE, { id: personId }, { token });
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    });

    it('should refuse forged tokens: a changed payload, a foreign key, no signature', async () => {
      const genuine = await gateway.tokenFor(adviser.agent.login);
      const [header, payload] = genuine.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const forgedPayload = `${header}.${b64({ ...claims, sub: 'hub-admin' })}.${genuine.split('.')[2]}`;
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const signingInput = `${header}.${b64(claims)}`;
      const foreign = `${signingInput}.${sign('sha256', Buffer.from(signingInput), createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }))).toString('base64url')}`;
      const unsigned = `${b64({ ...JSON.parse(Buffer.from(header, 'base64url').toString()), alg: 'none' })}.${b64(claims)}.`;
      for (const token of [forgedPayload, foreign, unsigned]) {
        const response = await gateway.graphql(FILE, { id: personId }, { token });
        expect(codeOf(response)).toBe('UNAUTHENTICATED');
        expect(response.data?.['person'] ?? null).toBeNull();
      }
    });
  });
});
