import { readFileSync } from 'node:fs';

import { printGatewaySchema, SCHEMA_FILE } from '../../src/print-schema';

describe('committed GraphQL schema', () => {
  it('should match the schema built from the code when the resolvers change', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const current = await printGatewaySchema();
    // On failure: run `npm run schema:generate` and commit schemas/graphql/gateway.graphql.
    expect(current).toEqual(committed);
  });
});
