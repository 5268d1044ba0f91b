import { GRAPHQL_LIMITS } from '@spie/platform/graphql';
import { buildAgentWithOrganisation, buildPerson, placeInPortfolio } from '@spie/shared/testing';

import { createTestGatewayWithEnv } from '../support/gateway-with-env';
import { PERSON_FILE_QUERY } from '../support/person-file.query';
import { createTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway';

const codeOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.['code'];
const messageOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.message ?? '';

/** The deepest path of the schema: 7 levels as graphql-armor counts them (the leaf is a level). */
const SEVEN_LEVELS =
  'person(id: $id) { contracts { versions { objectives { actions { statusHistory { status } } } } } }';

describe('GraphQL hardening: document limits, batching, introspection and suggestions, error shape', () => {
  let gateway: TestGateway;
  let production: TestGateway;
  let adviser: string;
  let personId: string;

  beforeAll(async () => {
    gateway = await createTestGateway();
    production = await createTestGatewayWithEnv({
      GRAPHQL_PRODUCTION: 'true',
      GRAPHQL_INTROSPECTION: 'true',
    });
    const built = await buildAgentWithOrganisation(gateway.dataSource, {
      type: 'france_travail_agency',
      roles: ['adviser'],
    });
    adviser = built.agent.login;
    personId = (await buildPerson(gateway.dataSource)).id;
    await placeInPortfolio(gateway.dataSource, { personId, organisationId: built.organisation.id });
  });

  afterAll(async () => {
    await production?.close();
    await gateway?.close();
  });

  const post = (target: TestGateway, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${target.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  describe('document limits', () => {
    it('should answer the whole person file when it is within every limit', async () => {
      const response = await gateway.graphql(PERSON_FILE_QUERY, { id: personId }, { as: adviser });
      expect(response.errors).toBeUndefined();
      expect(response.data).toMatchObject({ person: { id: personId } });
    });

    it('should accept depth 7 and refuse depth 8 when a query nests deeper than the limit', async () => {
      expect(GRAPHQL_LIMITS.maxDepth).toBe(7);
      const seven = await gateway.graphql(
        `query($id: ID!) { ${SEVEN_LEVELS} }`,
        { id: personId },
        { as: adviser },
      );
      expect(seven.errors).toBeUndefined();
      // An inline fragment is a level too (graphql-armor does not flatten fragments): 8.
      const eight = await gateway.graphql(
        `query($id: ID!) { ... on Query { ${SEVEN_LEVELS} } }`,
        { id: personId },
        { as: adviser },
      );
      expect(eight.status).toBe(400);
      expect(codeOf(eight)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(messageOf(eight)).toMatch(/depth limit of 7 exceeded, found 8/);
    });

    it('should refuse 16 aliases and accept 15 when a query repeats a field under aliases', async () => {
      const aliased = (n: number) =>
        `query($id: ID!) { ${Array.from({ length: n }, (_, i) => `p${i}: person(id: $id) { id }`).join(' ')} }`;
      const fifteen = await gateway.graphql(aliased(15), { id: personId }, { as: adviser });
      expect(fifteen.errors).toBeUndefined();
      const sixteen = await gateway.graphql(aliased(16), { id: personId }, { as: adviser });
      expect(sixteen.status).toBe(400);
      expect(codeOf(sixteen)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(messageOf(sixteen)).toMatch(/Aliases limit of 15 exceeded, found 16/);
    });

    it('should refuse a query over the cost limit when it is within depth, aliases and tokens', async () => {
      // A page of 100 conflicts with their observation: depth 6, 40 tokens, cost above 10 000.
      const query = `{ identityConflicts(first: 100) { edges { node { id batchId reason status comment resolvedAt
        observed { lastName firstNames birthDate sex role hasNir identifiers { system value } } } } } }`;
      const response = await gateway.graphql(query, {}, { as: adviser });
      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(messageOf(response)).toMatch(/Cost limit of 5000 exceeded/);
    });

    it('should refuse a document of more than 1000 tokens when it is short in characters', async () => {
      const query = `{ ${'__typename '.repeat(GRAPHQL_LIMITS.maxTokens)} }`;
      expect(query.length).toBeLessThan(GRAPHQL_LIMITS.maxCharacters);
      const response = await gateway.graphql(query, {}, { as: adviser });
      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('GRAPHQL_PARSE_FAILED');
      expect(messageOf(response)).toMatch(/more that 1000 tokens/);
    });

    it('should refuse a query text over 15 000 characters before parsing it', async () => {
      // Comments are not tokens: only the character limit can refuse this one.
      const query = `{ __typename }\n#${'x'.repeat(GRAPHQL_LIMITS.maxCharacters)}`;
      const response = await gateway.graphql(query, {}, { as: adviser });
      expect(response.status).toBe(400);
      expect(codeOf(response)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(messageOf(response)).toMatch(/longer than 15000 characters/);
      expect(response.errors?.[0]?.extensions?.['correlationId']).toEqual(expect.any(String));
    });

    it('should refuse more than 50 directives in one operation', async () => {
      const directives = (n: number) => `{ viewer { agent { ${'id @include(if: true) '.repeat(n)} } } }`;
      const fifty = await gateway.graphql(directives(50), {}, { as: adviser });
      expect(fifty.errors).toBeUndefined();
      const fiftyOne = await gateway.graphql(directives(51), {}, { as: adviser });
      expect(fiftyOne.status).toBe(400);
      expect(messageOf(fiftyOne)).toMatch(/Directives limit of 50 exceeded, found 51/);
    });
  });

  describe('transport', () => {
    it('should refuse an array of operations when a client batches them in one HTTP request', async () => {
      const token = await gateway.tokenFor(adviser);
      const response = await post(gateway, [{ query: '{ __typename }' }, { query: '{ __typename }' }], {
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/batching/i);
    });

    it('should refuse a GET query without a preflight header (CSRF prevention)', async () => {
      const response = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF/);
    });

    it('should forbid any cache to keep an answer when a person file or an error is sent', async () => {
      const token = await gateway.tokenFor(adviser);
      const file = await post(
        gateway,
        { query: PERSON_FILE_QUERY, variables: { id: personId } },
        { authorization: `Bearer ${token}` },
      );
      expect(file.status).toBe(200);
      expect(file.headers.get('cache-control')).toBe('no-store');
      const refused = await post(gateway, { query: '{ person(id: "x") { id } }' });
      expect(refused.headers.get('cache-control')).toBe('no-store');
    });

    it('should serve no landing page when a browser asks for /graphql', async () => {
      for (const target of [gateway, production]) {
        const response = await fetch(`${target.url}/graphql`, { headers: { accept: 'text/html' } });
        expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
      }
    });
  });

  describe('introspection and suggestions', () => {
    const introspection = '{ __schema { queryType { name } } }';

    it('should answer introspection and suggest field names when the production switch is off', async () => {
      const schema = await gateway.graphql(introspection, {}, { as: adviser });
      expect(schema.errors).toBeUndefined();
      expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const typo = await gateway.graphql('{ viewr { agent { id } } }', {}, { as: adviser });
      expect(messageOf(typo)).toMatch(/Did you mean "viewer"/);
    });

    it('should refuse introspection when GRAPHQL_PRODUCTION is on, although NODE_ENV is test and GRAPHQL_INTROSPECTION true', async () => {
      const schema = await production.graphql(introspection, {}, { as: adviser });
      expect(schema.status).toBe(400);
      expect(schema.data).toBeUndefined();
      expect(messageOf(schema)).toMatch(/introspection is not allowed/i);
      const type = await production.graphql(
        '{ __type(name: "Person") { fields { name } } }',
        {},
        { as: adviser },
      );
      expect(type.status).toBe(400);
      expect(type.data).toBeUndefined();
    });

    it('should hide field, argument and enum suggestions when GRAPHQL_PRODUCTION is on', async () => {
      const field = await production.graphql('{ viewr { agent { id } } }', {}, { as: adviser });
      expect(codeOf(field)).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(messageOf(field)).toMatch(/Cannot query field "viewr"/);
      expect(messageOf(field)).not.toMatch(/Did you mean|"viewer"/);
      const enumValue = await production.graphql(
        'query($s: IdentityConflictStatus!) { identityConflicts(status: $s) { totalCount } }',
        { s: 'OPN' },
        { as: adviser },
      );
      expect(codeOf(enumValue)).toBe('BAD_USER_INPUT');
      expect(messageOf(enumValue)).not.toMatch(/Did you mean|"OPEN"/);
      expect(field.errors?.[0]).not.toHaveProperty('locations');
    });
  });

  describe('errors', () => {
    // A NUL byte is refused by PostgreSQL's text type: the driver's error reaches the resolver unmapped.
    const failing = 'query($l: String!) { referentielEntry(list: $l, code: "x") { code } }';

    it.each([
      ['off', () => gateway],
      ['on', () => production],
    ])(
      'should answer an unexpected failure with a code and a correlation id only when the production switch is %s',
      async (_label, target) => {
        const response = await target().graphql(failing, { l: 'a\u0000b' }, { as: adviser });
        expect(response.errors).toHaveLength(1);
        const [error] = response.errors ?? [];
        expect(error.message).toBe('Internal error');
        expect(Object.keys(error.extensions ?? {}).sort()).toEqual(['code', 'correlationId']);
        expect(error.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
        expect(JSON.stringify(response)).not.toMatch(
          /stack|at [A-Z]\w+\.|QueryFailed|Error:|SELECT|postgres|\.ts:/i,
        );
      },
    );

    it('should keep a known error typed and free of internals when the production switch is on', async () => {
      const response = await production.graphql('{ viewer { agent { id } } }', {}, { as: null });
      expect(response.errors?.[0]).toEqual({
        message: 'A bearer token is required',
        path: ['viewer'],
        extensions: { code: 'UNAUTHENTICATED', correlationId: expect.any(String) },
      });
    });
  });
});
