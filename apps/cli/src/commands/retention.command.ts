import { randomUUID } from 'node:crypto';

import { Logger } from '@nestjs/common';
import type { Command } from 'commander';
import type { DataSource } from 'typeorm';

import {
  AuditPurgeService,
  AuditService,
  RetentionService,
  type RetentionItem,
  type RetentionReport,
} from '@spie/audit/data-access';
import { LAST_INDIVIDUAL_CONTACT_SOURCES } from '@spie/audit/domain';
import { validateEnvironment } from '@spie/platform/config';
import { runMigrationsUnderLock } from '@spie/platform/database';
import { systemClock, type Actor, type Clock } from '@spie/shared/kernel';

import { cliEnvironment, openDataSource, say } from '../cli-environment';

/** Who acts when the CLI runs retention: recorded in the audit log. */
export function cliActor(): Actor {
  const login = process.env['USER'] ? `cli:${process.env['USER']}` : 'cli';
  return { kind: 'system', id: 'cli', login, organisationId: null, displayName: login, roles: [] };
}

/** The retention service on a data source, as the worker builds it (clock injectable for tests). */
export function retentionService(
  dataSource: DataSource,
  env: Record<string, string | undefined>,
  clock: Clock = systemClock,
): { retention: RetentionService; audit: AuditService } {
  const settings = validateEnvironment(env);
  const audit = new AuditService(dataSource, clock);
  return {
    retention: new RetentionService(dataSource, clock, settings, audit, new AuditPurgeService(dataSource)),
    audit,
  };
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : '—');

/** The report for people: what goes (or would go), person by person up to `limit`, then totals. */
export function describeRetentionReport(report: RetentionReport, limit = 50): string[] {
  const verb = report.dryRun ? 'would' : 'did';
  const lines = [
    `${report.dryRun ? 'DRY RUN (nothing changed)' : 'retention run'} at ${report.now.toISOString()}: ` +
      `${report.persons.scanned} persons scanned`,
  ];
  const list = (title: string, items: RetentionItem[]) => {
    lines.push(`${title}: ${items.length}`);
    for (const item of items.slice(0, limit)) {
      lines.push(
        `  ${item.personId}  last contact ${day(item.lastContactAt)}  due ${day(item.dueAt)}  (${item.reason})`,
      );
    }
    if (items.length > limit) lines.push(`  … and ${items.length - limit} more (see the JSON on stdout)`);
  };
  list(`${verb} archive`, report.persons.archived);
  list(`${verb} reactivate (a contact after the archive)`, report.persons.reactivated);
  list(`${verb} destroy`, report.persons.destroyed);
  const rows = Object.entries(report.rows).filter(([, count]) => count > 0);
  if (rows.length > 0)
    lines.push(
      `rows ${verb === 'did' ? 'destroyed' : 'to destroy'}: ${rows.map(([t, n]) => `${t} ${n}`).join(', ')}`,
    );
  if (report.audit) {
    lines.push(
      `audit log: ${report.audit.entries} entries before ${report.audit.cutoff.toISOString()} ${verb === 'did' ? 'purged' : 'would be purged'}` +
        (report.audit.throughSeq ? ` (through seq ${report.audit.throughSeq})` : ''),
    );
  }
  return lines;
}

export function registerRetentionCommand(program: Command): void {
  // Standard output is the JSON report: the services' progress logs stay out of it.
  Logger.overrideLogger(['error']);
  const retention = program
    .command('retention')
    .description('Retention of personal data (CASF R.263-8) and of the audit log')
    .addHelpText(
      'after',
      `\nLast individual contact = the latest of:\n${LAST_INDIVIDUAL_CONTACT_SOURCES.map((s) => `  - ${s}`).join('\n')}`,
    );

  retention
    .command('run')
    .description(
      'Archive files 2 years after the last individual contact, destroy them 2 years later (or at once when declared ' +
        'not beneficiaries), purge audit entries older than AUDIT_RETENTION_DAYS',
    )
    .option('--dry-run', 'report what would go, change nothing', false)
    .option('--limit <n>', 'persons listed per action on stderr', '50')
    .action(async (options: { dryRun: boolean; limit: string }) => {
      const { env, stack } = await cliEnvironment();
      const dataSource = await openDataSource(env);
      try {
        await runMigrationsUnderLock(dataSource);
        const { retention: service, audit } = retentionService(dataSource, { ...process.env, ...env });
        const report = await service.run({
          dryRun: options.dryRun,
          actor: cliActor(),
          correlationId: randomUUID(),
        });
        await audit.beforeApplicationShutdown();
        for (const line of describeRetentionReport(report, Number(options.limit) || 50)) say(line);
        console.log(JSON.stringify(report));
      } finally {
        await dataSource.destroy();
        await stack?.stop();
      }
    });

  retention
    .command('declare-not-beneficiary <personId>')
    .description(
      'Record that a person is not a beneficiary: hidden at once, destroyed by the next retention run',
    )
    .requiredOption('--reason <text>', 'why (kept with the declaration until the destruction)')
    .action(async (personId: string, options: { reason: string }) => {
      const { env, stack } = await cliEnvironment();
      const dataSource = await openDataSource(env);
      try {
        await runMigrationsUnderLock(dataSource);
        const { retention: service, audit } = retentionService(dataSource, { ...process.env, ...env });
        const declaredAt = await service.declareNotBeneficiary(personId, {
          actor: cliActor(),
          reason: options.reason,
          correlationId: randomUUID(),
        });
        await audit.beforeApplicationShutdown();
        say(
          `person ${personId} declared not a beneficiary (${declaredAt.toISOString()}): run 'npx spie retention run'`,
        );
        console.log(JSON.stringify({ personId, declaredAt }));
      } finally {
        await dataSource.destroy();
        await stack?.stop();
      }
    });
}
