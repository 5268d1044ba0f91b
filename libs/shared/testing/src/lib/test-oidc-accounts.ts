import type { DataSource } from 'typeorm';

import { LOCAL_IDP_ID, type AccountKind, type LocalAccount } from '@spie/platform/oidc-local';
import { hasUuidShape } from '@spie/shared/kernel';

/**
 * Accounts the integration tests' local provider knows from the start: `test-admin`, the default login of
 * `gateway.graphql()`. It has no agent row, so its token is refused by the gateway: it serves public queries only.
 * Other accounts are registered by the test support as the tests create them (`testOidcAccountOf`).
 */
export const TEST_OIDC_ACCOUNTS: readonly LocalAccount[] = [
  {
    kind: 'agent',
    login: 'test-admin',
    description: 'Default login of the integration tests (no agent row)',
    claims: { given_name: 'Test', usual_name: 'Admin', idp_id: LOCAL_IDP_ID },
  },
];

/**
 * The local provider's account of a row of the test database, as ProConnect or FranceConnect would describe it: an
 * agent by login (claims from the `agent` row and its organisation's SIRET), a person by the id of their `person` row
 * (pivot identity from the record). Undefined when there is no such row.
 */
export async function testOidcAccountOf(
  dataSource: DataSource,
  login: string,
  kind: AccountKind,
): Promise<LocalAccount | undefined> {
  if (kind === 'agent') {
    const [row] = (await dataSource.query(
      `SELECT a.given_name, a.usual_name, a.email, o.siret
         FROM agent a JOIN organisation o ON o.id = a.organisation_id
        WHERE a.login = $1`,
      [login],
    )) as Array<Record<string, string | null>>;
    if (!row) return undefined;
    return {
      kind: 'agent',
      login,
      claims: {
        given_name: row['given_name'] as string,
        usual_name: row['usual_name'] as string,
        ...(row['email'] ? { email: row['email'] } : {}),
        ...(row['siret'] ? { siret: row['siret'] } : {}),
        idp_id: LOCAL_IDP_ID,
      },
    };
  }
  if (!hasUuidShape(login)) return undefined;
  const [row] = (await dataSource.query(
    `SELECT last_name, birth_name, first_names, birth_date::text AS birth_date, sex FROM person WHERE id = $1`,
    [login],
  )) as Array<Record<string, unknown>>;
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
}
