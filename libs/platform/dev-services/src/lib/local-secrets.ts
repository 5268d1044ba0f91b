import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LocalSecrets {
  postgresPassword: string;
  nirEncryptionKey: string;
  nirHmacKey: string;
}

/**
 * Secrets of a local installation, generated once with a CSPRNG and kept (mode 600) in the git-ignored data folder,
 * so that a second `npm start` can still decrypt what the first one stored. Production sets them in the environment.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: LocalSecrets = {
    postgresPassword: randomBytes(18).toString('base64url'),
    nirEncryptionKey: randomBytes(32).toString('base64'),
    nirHmacKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
