import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface LocalOidcKeys {
  /** Private signing keys (JWK), the first one signs. */
  jwks: { keys: JWK[] };
  /** Keys of the provider's signed cookies. */
  cookieKeys: string[];
}

export const LOCAL_OIDC_KEYS_FILE = 'oidc-keys.json';

/**
 * The local provider's keys, generated once (RS256 signing key, cookie keys) and kept (mode 600) in the git-ignored data
 * folder, so that tokens stay valid across restarts of `npm start` and `spie token`. Delete the file to rotate them.
 */
export async function loadOrCreateLocalOidcKeys(dataDir: string): Promise<LocalOidcKeys> {
  const file = join(dataDir, LOCAL_OIDC_KEYS_FILE);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalOidcKeys;
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const jwk = await exportJWK(privateKey);
  const keys: LocalOidcKeys = {
    jwks: { keys: [{ ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'RS256', use: 'sig' }] },
    cookieKeys: [randomBytes(32).toString('base64url')],
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}
