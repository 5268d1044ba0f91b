import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DataSource } from 'typeorm';

import { HUB_ENTITIES } from '@spie/ops/schema';
import { hubDataSourceOptions, runMigrationsUnderLock } from '@spie/platform/database';

import { WORKSPACE_ROOT, say, workspaceEnvironment } from '@spie/platform/dev-services';

import { createGateway } from './bootstrap';

export const SCHEMA_FILE = join(WORKSPACE_ROOT, 'schemas/graphql/gateway.graphql');

/** The gateway's SDL exactly as committed: built from the code, sorted, with a trailing newline. */
export async function printGatewaySchema(): Promise<string> {
  const app = await createGateway({ logs: false });
  try {
    await app.init();
    return `${printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema))}\n`;
  } finally {
    await app.close();
  }
}

/** `npm run schema:generate` writes the file; `npm run schema:check` fails when the committed one drifted. */
async function main(mode: string | undefined): Promise<void> {
  const { env, stack } = await workspaceEnvironment();
  Object.assign(process.env, env);
  // Printing the schema checks no token: any issuer will do when none is configured (nothing is fetched from it).
  process.env['OIDC_ISSUER'] ??= 'http://127.0.0.1:4100';
  try {
    // The gateway refuses an old schema: bring the local database up to date first (a no-op when it is).
    const dataSource = await new DataSource(
      hubDataSourceOptions({
        url: env['DATABASE_URL'] as string,
        entities: HUB_ENTITIES,
        applicationName: 'spie-schema',
      }),
    ).initialize();
    await runMigrationsUnderLock(dataSource).finally(() => dataSource.destroy());
    const sdl = await printGatewaySchema();
    if (mode === 'check') {
      if (readFileSync(SCHEMA_FILE, 'utf8') !== sdl) {
        say("schemas/graphql/gateway.graphql is out of date: run 'npm run schema:generate' and commit it");
        process.exitCode = 1;
      } else say('schemas/graphql/gateway.graphql is up to date');
    } else {
      writeFileSync(SCHEMA_FILE, sdl);
      say('wrote schemas/graphql/gateway.graphql');
    }
  } finally {
    await stack?.stop();
  }
}

if (require.main === module) {
  main(process.argv[2]).catch((error: unknown) => {
    say(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
