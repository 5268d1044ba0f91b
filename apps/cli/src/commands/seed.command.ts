import type { Command } from 'commander';
import type { DataSource } from 'typeorm';

import { seedDemoData, type DemoSeedReport } from '@spie/ops/demo-seed';
import { runMigrationsUnderLock } from '@spie/platform/database';
import { ReferentielService, type LoadReport } from '@spie/referentiel/data-access';
import { REFERENTIEL_V1 } from '@spie/referentiel/domain';

import { cliEnvironment, openDataSource, say } from '../cli-environment';

export interface SeedReport {
  referentiel: LoadReport;
  demo?: DemoSeedReport;
}

/** Loads the référentiel and, when asked, the demo dataset. Both are idempotent. */
export async function seed(
  dataSource: DataSource,
  env: Record<string, string>,
  options: { demo: boolean },
): Promise<SeedReport> {
  const referentiel = await new ReferentielService(dataSource).load(REFERENTIEL_V1);
  say(
    `référentiel ${referentiel.version}: ${referentiel.status} (+${referentiel.added}, ~${referentiel.changed}, -${referentiel.closed})`,
  );
  if (!options.demo) return { referentiel };
  const demo = await seedDemoData(dataSource, {
    env: {
      NIR_ENCRYPTION_KEY: env['NIR_ENCRYPTION_KEY'] as string,
      NIR_HMAC_KEY: env['NIR_HMAC_KEY'] as string,
    },
    log: say,
  });
  say(
    `demo data: ${demo.status} (${demo.organisations} organisations, ${demo.agents} agents, ${demo.persons} people)`,
  );
  return { referentiel, demo };
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description('Load the référentiel and, with --demo, the demo dataset of department 052 (idempotent)')
    .option('--demo', 'also load the demo dataset', false)
    .action(async (options: { demo: boolean }) => {
      const { env, stack } = await cliEnvironment();
      const dataSource = await openDataSource(env);
      try {
        await runMigrationsUnderLock(dataSource);
        console.log(JSON.stringify(await seed(dataSource, env, options)));
      } finally {
        await dataSource.destroy();
        await stack?.stop();
      }
    });
}
