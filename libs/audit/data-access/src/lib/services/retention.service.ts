import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import {
  AuditException,
  AuditExceptionCode,
  decideRetention,
  type RetentionAction,
  type RetentionReason,
} from '@spie/audit/domain';
import { EnvironmentVariables } from '@spie/platform/config';
import { CLOCK, isUuid, SYSTEM_ACTOR, type Actor, type Clock } from '@spie/shared/kernel';

import { PERSON_DESTRUCTION_PLAN } from '../person-destruction.plan';
import { AuditPurgeService, type AuditPurgeReport } from './audit-purge.service';
import { AuditService } from './audit.service';

export const RETENTION_RUN_LOCK = 'spie:retention-run';
const DAY_MS = 86_400_000;
const BATCH = 500;

export type RetentionSettings = Pick<EnvironmentVariables, 'AUDIT_RETENTION_DAYS'>;

/** One person the run acted on (or, in a dry run, would act on). */
export interface RetentionItem {
  personId: string;
  lastContactAt: Date;
  reason: RetentionReason;
  /** When the step became due: the end of the active period (archive) or of the archive period (destroy). */
  dueAt: Date | null;
}

export interface RetentionReport {
  dryRun: boolean;
  now: Date;
  persons: {
    scanned: number;
    archived: RetentionItem[];
    reactivated: RetentionItem[];
    destroyed: RetentionItem[];
  };
  /** Rows destroyed (or that would be), by table. */
  rows: Record<string, number>;
  /** The audit log purge; null for a run limited to some persons. */
  audit: AuditPurgeReport | null;
}

interface PersonFacts {
  id: string;
  lastContactAt: Date;
  archivedAt: Date | null;
  notBeneficiaryAt: Date | null;
}

/**
 * The person's last individual contact: the latest of the facts listed in `LAST_INDIVIDUAL_CONTACT_SOURCES`
 * (`@spie/audit/domain`), never after `now` (a planned date is not a contact), and the record's creation when nothing
 * else is known. Dates without time count from midnight UTC.
 */
const PERSON_FACTS_SQL = `
SELECT p.id, p.archived_at AS "archivedAt", p.not_beneficiary_at AS "notBeneficiaryAt",
  LEAST($3::timestamptz, GREATEST(
    p.created_at,
    p.last_contact_at,
    (SELECT max(o.decided_at) FROM orientation o WHERE o.person_id = p.id),
    (SELECT max(COALESCE(e.observed_at, e.recorded_at)) FROM contract_event e
      JOIN contract c ON c.id = e.contract_id WHERE c.person_id = p.id),
    (SELECT max(COALESCE(d.observed_at, d.recorded_at)) FROM diagnostic d
      WHERE d.person_id = p.id AND d.author_agent_id IS NOT NULL),
    (SELECT max(GREATEST(f.registered_on, f.start_on, f.last_interview_on, f.last_ppae_interview_on, f.end_on))
       ::timestamp AT TIME ZONE 'UTC' FROM partner_follow_up f WHERE f.person_id = p.id),
    (SELECT max(GREATEST(a.prescribed_on, a.start_on, a.end_on, a.done_on))::timestamp AT TIME ZONE 'UTC'
       FROM partner_action a WHERE a.person_id = p.id),
    (SELECT max(ap.starts_at) FROM appointment ap WHERE ap.person_id = p.id AND ap.status = 'present'),
    (SELECT max(COALESCE(r.observed_at, r.reference_month::timestamp AT TIME ZONE 'UTC')) FROM rsa_right_status r
      WHERE r.person_id = p.id OR (r.person_id IS NULL AND r.household_id IN (
        SELECT m.household_id FROM household_member m WHERE m.person_id = p.id)))
  )) AS "lastContactAt"
FROM person p
WHERE p.id > $1::uuid AND ($4::uuid[] IS NULL OR p.id = ANY($4::uuid[]))
ORDER BY p.id
LIMIT $2`;

/**
 * Retention of personal data (CASF R.263-8) and of the audit log, with a dry run that reports the same thing without
 * changing anything:
 * - 2 years after the last individual contact, the person is archived (`person.archived_at`: hidden from agents);
 * - 4 years after it, or at once when the person was declared not a beneficiary, the person is destroyed with every
 *   row attached (`PERSON_DESTRUCTION_PLAN`), in one transaction per person, re-checked under a row lock;
 * - a contact recorded after the archive makes the file active again;
 * - audit entries older than `AUDIT_RETENTION_DAYS` are purged through `audit_purge_before` (the chain still verifies).
 * One real run at a time (a session advisory lock); each action is written to the audit log.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EnvironmentVariables) private readonly settings: RetentionSettings,
    private readonly audit: AuditService,
    private readonly purge: AuditPurgeService,
  ) {}

  async run(options: {
    dryRun: boolean;
    /** Only these persons (after a "not a beneficiary" declaration); the audit log is then left alone. */
    personIds?: readonly string[];
    actor?: Actor;
    correlationId?: string | null;
  }): Promise<RetentionReport> {
    const now = this.clock.now();
    const actor = options.actor ?? SYSTEM_ACTOR;
    const personIds = options.personIds ? options.personIds.filter(isUuid) : null;
    const report: RetentionReport = {
      dryRun: options.dryRun,
      now,
      persons: { scanned: 0, archived: [], reactivated: [], destroyed: [] },
      rows: {},
      audit: null,
    };
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (!options.dryRun) {
        const [{ locked }]: Array<{ locked: boolean }> = await runner.query(
          'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
          [RETENTION_RUN_LOCK],
        );
        if (!locked) {
          throw new AuditException(
            AuditExceptionCode.RetentionRunInProgress,
            'Another retention run is in progress',
          );
        }
      }
      try {
        if (!personIds || personIds.length > 0) {
          let after = '00000000-0000-0000-0000-000000000000';
          for (;;) {
            const batch = await this.facts(runner.manager, after, now, personIds);
            if (batch.length === 0) break;
            after = batch[batch.length - 1].id;
            report.persons.scanned += batch.length;
            await this.apply(runner.manager, batch, now, report, { ...options, actor });
            if (batch.length < BATCH) break;
          }
        }
        if (!personIds) {
          const cutoff = new Date(now.getTime() - this.settings.AUDIT_RETENTION_DAYS * DAY_MS);
          report.audit = await this.purge.purgeBefore(cutoff, { dryRun: options.dryRun });
        }
      } finally {
        if (!options.dryRun) {
          await runner.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [RETENTION_RUN_LOCK]);
        }
      }
    } finally {
      await runner.release();
    }
    this.logger.log(
      {
        dryRun: report.dryRun,
        scanned: report.persons.scanned,
        archived: report.persons.archived.length,
        reactivated: report.persons.reactivated.length,
        destroyed: report.persons.destroyed.length,
        auditEntries: report.audit?.entries ?? 0,
      },
      'retention run',
    );
    return report;
  }

  /**
   * Records that the person turned out not to be a beneficiary (who, why); the next retention run destroys them. The
   * first declaration is kept when it is made twice. Returns when it was declared.
   */
  async declareNotBeneficiary(
    personId: string,
    declaration: { actor: Actor; reason: string; correlationId: string | null },
  ): Promise<Date> {
    if (!isUuid(personId)) throw new AuditException(AuditExceptionCode.PersonNotFound, 'Person not found');
    const now = this.clock.now();
    const result: [Array<{ at: Date }>, number] = await this.dataSource.query(
      `UPDATE person
          SET not_beneficiary_at = COALESCE(not_beneficiary_at, $2),
              not_beneficiary_by = COALESCE(not_beneficiary_by, $3),
              not_beneficiary_reason = COALESCE(not_beneficiary_reason, $4)
        WHERE id = $1
        RETURNING not_beneficiary_at AS at`,
      [personId, now, declaration.actor.login, declaration.reason],
    );
    // TypeORM answers an UPDATE with [rows returned, rows affected].
    const [rows] = result;
    if (rows.length === 0) throw new AuditException(AuditExceptionCode.PersonNotFound, 'Person not found');
    await this.audit.record([
      {
        at: now,
        actor: declaration.actor,
        organisationName: await this.audit.organisationName(declaration.actor.organisationId),
        purpose: null,
        legalBasis: 'casf-r263-8',
        personId,
        operation: 'person.declare_not_beneficiary',
        categories: [],
        maskedFields: [],
        outcome: 'allowed',
        reason: declaration.reason,
        correlationId: declaration.correlationId,
      },
    ]);
    return rows[0].at;
  }

  private async facts(
    em: EntityManager,
    after: string,
    now: Date,
    personIds: string[] | null,
  ): Promise<PersonFacts[]> {
    return em.query(PERSON_FACTS_SQL, [after, BATCH, now, personIds]);
  }

  private async apply(
    em: EntityManager,
    batch: PersonFacts[],
    now: Date,
    report: RetentionReport,
    options: { dryRun: boolean; actor: Actor; correlationId?: string | null },
  ): Promise<void> {
    const done: Array<{ personId: string; action: RetentionAction; reason: RetentionReason }> = [];
    const archive: RetentionItem[] = [];
    const reactivate: RetentionItem[] = [];
    for (const person of batch) {
      const decision = decideRetention(person, now);
      const item = (dueAt: Date | null): RetentionItem => ({
        personId: person.id,
        lastContactAt: person.lastContactAt,
        reason: decision.reason,
        dueAt,
      });
      if (decision.action === 'archive') archive.push(item(decision.archiveDueAt));
      if (decision.action === 'reactivate') reactivate.push(item(null));
      if (decision.action === 'destroy') {
        const due = decision.reason === 'not_beneficiary' ? person.notBeneficiaryAt : decision.destroyDueAt;
        const rows = await this.destroy(em, person.id, now, options.dryRun);
        if (!rows) continue; // no longer due when re-checked under the lock
        for (const [name, count] of Object.entries(rows))
          report.rows[name] = (report.rows[name] ?? 0) + count;
        report.persons.destroyed.push(item(due));
        done.push({ personId: person.id, action: 'destroy', reason: decision.reason });
      }
    }
    if (!options.dryRun && archive.length > 0) {
      await em.query(
        'UPDATE person SET archived_at = $2 WHERE id = ANY($1::uuid[]) AND archived_at IS NULL',
        [archive.map((item) => item.personId), now],
      );
    }
    if (!options.dryRun && reactivate.length > 0) {
      await em.query('UPDATE person SET archived_at = NULL WHERE id = ANY($1::uuid[])', [
        reactivate.map((item) => item.personId),
      ]);
    }
    report.persons.archived.push(...archive);
    report.persons.reactivated.push(...reactivate);
    done.push(
      ...archive.map((item) => ({
        personId: item.personId,
        action: 'archive' as const,
        reason: item.reason,
      })),
    );
    done.push(
      ...reactivate.map((item) => ({
        personId: item.personId,
        action: 'reactivate' as const,
        reason: item.reason,
      })),
    );
    if (options.dryRun || done.length === 0) return;
    await this.audit.record(
      done.map((entry) => ({
        at: now,
        actor: options.actor,
        organisationName: null,
        purpose: null,
        legalBasis: 'casf-r263-8',
        personId: entry.personId,
        operation: `person.${entry.action}`,
        categories: [],
        maskedFields: [],
        outcome: 'allowed' as const,
        reason: entry.reason,
        correlationId: options.correlationId ?? null,
      })),
    );
  }

  /**
   * Destroys one person and everything attached, in one transaction, after checking again under a row lock that the
   * person is still due (a contact may have been recorded since the scan). A dry run counts the same rows and rolls
   * nothing back because it changes nothing. Returns the rows by table, or null when the person is no longer due.
   */
  private async destroy(
    em: EntityManager,
    personId: string,
    now: Date,
    dryRun: boolean,
  ): Promise<Record<string, number> | null> {
    const work = async (tx: EntityManager) => {
      if (!dryRun) {
        const locked: unknown[] = await tx.query('SELECT id FROM person WHERE id = $1 FOR UPDATE', [
          personId,
        ]);
        if (locked.length === 0) return null;
        const [fresh] = await this.facts(tx, '00000000-0000-0000-0000-000000000000', now, [personId]);
        if (!fresh || decideRetention(fresh, now).action !== 'destroy') return null;
        // Lets the signed-contract trigger accept the deletion of this person's contract versions, in this transaction.
        await tx.query("SELECT set_config('spie.retention_destroy_person', $1, true)", [personId]);
      }
      const rows: Record<string, number> = {};
      for (const step of PERSON_DESTRUCTION_PLAN) {
        const [{ n }]: Array<{ n: number }> = await tx.query(step.count, [personId]);
        rows[step.name] = n;
        if (!dryRun && step.run) await tx.query(step.run, [personId]);
      }
      return rows;
    };
    return dryRun ? work(em) : em.transaction(work);
  }
}
