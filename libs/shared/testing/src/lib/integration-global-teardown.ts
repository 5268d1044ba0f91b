import { rmSync } from 'node:fs';

export default async function integrationGlobalTeardown(): Promise<void> {
  await globalThis.__SPIE_TEST_STACK__?.stop();
  const dataDir = process.env['SPIE_TEST_DATA_DIR'];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
