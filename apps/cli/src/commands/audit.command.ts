import type { Command } from 'commander';

import { AuditChainVerifier, type AuditVerifyReport } from '@spie/audit/data-access';
import { pendingMigrations } from '@spie/platform/database';

import { cliEnvironment, openDataSource, say } from '../cli-environment';

/** Exit codes of `spie audit verify`: 0 the chain is intact, 1 a link is broken, 2 the check could not run. */
export const AUDIT_EXIT = { ok: 0, broken: 1, error: 2 } as const;

export function describeVerifyReport(report: AuditVerifyReport): string {
  const from = report.fromCheckpoint
    ? `from the purge checkpoint after seq ${report.fromCheckpoint.seq}`
    : 'from the first entry';
  const seconds = report.seconds.toFixed(2);
  if (!report.broken) return `audit chain intact: ${report.checked} entries checked ${from} in ${seconds} s`;
  const { seq, field, expected, found } = report.broken;
  const what =
    field === 'seq'
      ? `an entry is missing or out of place (expected seq ${expected}, found ${found})`
      : field === 'prev_hash'
        ? `the link to the previous entry is broken (expected prev_hash ${expected}, found ${found})`
        : `the entry was changed after it was written (expected hash ${expected}, found ${found})`;
  return `audit chain BROKEN at seq ${seq}: ${what}; ${report.checked} entries checked ${from} in ${seconds} s`;
}

export function registerAuditCommand(program: Command): void {
  const audit = program.command('audit').description('The audit log of access decisions');
  audit
    .command('verify')
    .description(
      'Check the hash chain of the audit log from the latest purge checkpoint, in batches; report the first broken link',
    )
    .option('--batch-size <n>', 'entries read per query', '5000')
    .addHelpText(
      'after',
      '\nExit codes: 0 intact, 1 a broken link (seq, expected, found), 2 the check could not run.',
    )
    .action(async (options: { batchSize: string }) => {
      const batchSize = Number(options.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        say('--batch-size must be a positive integer');
        process.exitCode = AUDIT_EXIT.error;
        return;
      }
      const { env, stack } = await cliEnvironment();
      const dataSource = await openDataSource(env);
      try {
        const pending = await pendingMigrations(dataSource);
        if (pending.length > 0) {
          say(`the database is not migrated (${pending.join(', ')}): run 'npx spie migrate' first`);
          process.exitCode = AUDIT_EXIT.error;
          return;
        }
        const progress = process.stderr.isTTY
          ? (checked: number) => process.stderr.write(`\r${checked} entries checked`)
          : undefined;
        const report = await new AuditChainVerifier(dataSource).verify({ batchSize, onProgress: progress });
        if (progress) process.stderr.write('\n');
        say(describeVerifyReport(report));
        console.log(JSON.stringify(report));
        process.exitCode = report.ok ? AUDIT_EXIT.ok : AUDIT_EXIT.broken;
      } finally {
        await dataSource.destroy();
        await stack?.stop();
      }
    });
}
