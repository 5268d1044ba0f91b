import { EnvironmentVariables } from '@spie/platform/config';

import { createGateway } from './bootstrap';

async function main(): Promise<void> {
  const app = await createGateway();
  const env = app.get(EnvironmentVariables);
  await app.listen(env.PORT, env.HOST);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
