import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Command } from 'commander';
import { Client } from 'pg';

import { renderMigration, runMigrationsUnderLock, schemaDiff } from '@spie/platform/database';

import { WORKSPACE_ROOT, cliEnvironment, openDataSource, say } from '../cli-environment';

const MIGRATIONS_DIR = join(WORKSPACE_ROOT, 'libs/platform/database/src/migrations');

export function registerMigrationCommands(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending migrations (once, under a PostgreSQL advisory lock)')
    .action(async () => {
      const { env, stack } = await cliEnvironment();
      const dataSource = await openDataSource(env);
      try {
        const applied = await runMigrationsUnderLock(dataSource);
        say(applied.length ? `applied: ${applied.join(', ')}` : 'schema is up to date');
        console.log(JSON.stringify({ applied }));
      } finally {
        await dataSource.destroy();
        await stack?.stop();
      }
    });

  const migration = program.command('migration').description('Generate or check schema migrations');
  migration
    .command('generate <name>')
    .description(
      'Write a migration with the SQL that brings a fresh, migrated database to the entities (read it before committing)',
    )
    .action(async (name: string) => {
      await withScratchDatabase(async (diff) => {
        if (diff.up.length === 0) {
          say('entities and migrations agree: nothing to generate');
          return;
        }
        const timestamp = Date.now();
        const pascal = name.replace(/(^|[-_\s]+)(\w)/g, (_m, _s, c: string) => c.toUpperCase());
        const kebab = name
          .replace(/([a-z])([A-Z])/g, '$1-$2')
          .replace(/[\s_]+/g, '-')
          .toLowerCase();
        const className = `${pascal}${timestamp}`;
        const file = `${timestamp}-${kebab}`;
        writeFileSync(join(MIGRATIONS_DIR, `${file}.ts`), renderMigration(className, diff));
        const indexPath = join(MIGRATIONS_DIR, 'index.ts');
        const index = readFileSync(indexPath, 'utf8')
          .replace(/\n\];\s*$/, `\n  ${className},\n];\n`)
          .replace(/^(import type[^\n]*\n)/, `$1import { ${className} } from './${file}';\n`);
        writeFileSync(indexPath, index);
        say(
          `wrote libs/platform/database/src/migrations/${file}.ts (${diff.up.length} statements): read it, then commit`,
        );
      });
    });
  migration
    .command('check')
    .description('Fail when the entities need a migration that is not committed')
    .action(async () => {
      await withScratchDatabase(async (diff) => {
        if (diff.up.length > 0) {
          say(`entities need a migration that is not committed:\n  ${diff.up.join('\n  ')}`);
          say("run 'npm run migration:generate -- <name>'");
          process.exitCode = 1;
        } else {
          say('entities and migrations agree');
        }
      });
    });
}

/** Migrates a scratch database from zero and diffs it against the entities. */
async function withScratchDatabase(
  use: (diff: Awaited<ReturnType<typeof schemaDiff>>) => Promise<void>,
): Promise<void> {
  const { env, stack } = await cliEnvironment();
  const url = new URL(env['DATABASE_URL'] as string);
  const scratch = `spie_migration_check_${process.pid}`;
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch}"`);
  try {
    url.pathname = `/${scratch}`;
    const dataSource = await openDataSource({ ...env, DATABASE_URL: url.toString() }, 'spie-migration-check');
    try {
      await runMigrationsUnderLock(dataSource);
      await use(await schemaDiff(dataSource));
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
    await stack?.stop();
  }
}
