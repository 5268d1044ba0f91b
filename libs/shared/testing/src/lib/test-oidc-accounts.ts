import { Pool } from 'pg';

import { LOCAL_IDP_ID, type LocalAccount, type LocalAccountDirectory } from '@spie/platform/oidc-local';

/**
 * Accounts the integration tests' local provider knows besides the database: `test-admin`, the default login of
 * `gateway.graphql()`. It has no agent row, so its token is refused by the gateway: it serves public queries only.
 */
export const TEST_OIDC_ACCOUNTS: readonly LocalAccount[] = [
  {
    kind: 'agent',
    login: 'test-admin',
    description: 'Default login of the integration tests (no agent row)',
    claims: { given_name: 'Test', usual_name: 'Admin', idp_id: LOCAL_IDP_ID },
  },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The integration database as the local provider's directory, so that a test can sign in as the agents and people it
 * creates: an agent by login (ProConnect claims from the `agent` row and its organisation's SIRET), a person by the id
 * of their `person` row (FranceConnect pivot identity from the record).
 */
export function databaseAccountDirectory(databaseUrl: () => string): LocalAccountDirectory & {
  close(): Promise<void>;
} {
  let pool: Pool | undefined;
  const query = async (sql: string, parameters: unknown[]) => {
    if (!pool) {
      pool = new Pool({
        connectionString: databaseUrl(),
        max: 2,
        idleTimeoutMillis: 1000,
        allowExitOnIdle: true,
      });
      // An idle connection closed by the server (the teardown stops PostgreSQL) is not an error of the tests.
      pool.on('error', () => undefined);
    }
    return (await pool.query(sql, parameters)).rows as Array<Record<string, unknown>>;
  };
  return {
    async find(login, kind) {
      if (kind === 'agent') {
        const [row] = await query(
          `SELECT a.login, a.given_name, a.usual_name, a.email, o.siret
             FROM agent a JOIN organisation o ON o.id = a.organisation_id
            WHERE a.login = $1 AND a.active`,
          [login],
        );
        if (!row) return undefined;
        return {
          kind: 'agent',
          login,
          claims: {
            given_name: row['given_name'] as string,
            usual_name: row['usual_name'] as string,
            ...(row['email'] ? { email: row['email'] as string } : {}),
            ...(row['siret'] ? { siret: row['siret'] as string } : {}),
            idp_id: LOCAL_IDP_ID,
          },
        };
      }
      if (!UUID.test(login)) return undefined;
      const [row] = await query(
        `SELECT last_name, birth_name, first_names, birth_date::text AS birth_date, sex FROM person WHERE id = $1`,
        [login],
      );
      if (!row || !row['birth_date']) return undefined;
      const birthName = row['birth_name'] as string | null;
      return {
        kind: 'person',
        login,
        claims: {
          given_name: (row['first_names'] as string[]).join(' '),
          family_name: birthName ?? (row['last_name'] as string),
          birthdate: row['birth_date'] as string,
          gender: row['sex'] === 'M' ? 'male' : 'female',
          birthplace: '',
          birthcountry: '99100',
          ...(birthName ? { preferred_username: row['last_name'] as string } : {}),
        },
      };
    },
    list: async () => [],
    close: async () => {
      await pool?.end();
      pool = undefined;
    },
  };
}
