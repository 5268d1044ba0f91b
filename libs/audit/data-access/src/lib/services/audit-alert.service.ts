import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import {
  AuditException,
  AuditExceptionCode,
  peakDistinctPersons,
  peakEvents,
  type AlertEvent,
  type AuditAlertKind,
  type WindowPeak,
} from '@spie/audit/domain';
import { EnvironmentVariables } from '@spie/platform/config';
import { CLOCK, isUuid, type Actor, type Clock } from '@spie/shared/kernel';

import { AuditAlertEntity } from '../entities/audit-alert.entity';
import type { PageInfo } from './cursor';

/** The sliding window of both rules. */
export const AUDIT_ALERT_WINDOW_MS = 3_600_000;

export type AuditAlertSettings = Pick<
  EnvironmentVariables,
  'AUDIT_ALERT_VOLUME_THRESHOLD' | 'AUDIT_ALERT_OUTSIDE_PORTFOLIO_THRESHOLD' | 'AUDIT_ALERT_SCAN_INTERVAL_MS'
>;

export interface AuditAlertScanReport {
  from: Date;
  to: Date;
  actorsChecked: number;
  raised: number;
  updated: number;
}

interface Candidate {
  actorKind: string;
  actorId: string;
  actorLogin: string;
  organisationId: string | null;
  organisationName: string | null;
}

interface ScannedEvent extends AlertEvent {
  outcome: string;
  operation: string;
}

/**
 * Unusual patterns in the audit log, as alert records for the DPO:
 * - `volume`: one actor read more than `AUDIT_ALERT_VOLUME_THRESHOLD` distinct persons in a sliding hour;
 * - `outside_portfolio`: one actor met more than `AUDIT_ALERT_OUTSIDE_PORTFOLIO_THRESHOLD` refused or "not found"
 *   answers in a sliding hour (reads outside its portfolio answer "not found").
 *
 * A scan reads the last hour plus twice the scan interval, so consecutive scans overlap and a window straddling two
 * scans is seen whole. An incident that is still the same (overlapping window) updates its alert instead of adding one.
 */
@Injectable()
export class AuditAlertService {
  private readonly logger = new Logger(AuditAlertService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EnvironmentVariables) private readonly settings: AuditAlertSettings,
  ) {}

  async scan(now: Date = this.clock.now()): Promise<AuditAlertScanReport> {
    const volume = this.settings.AUDIT_ALERT_VOLUME_THRESHOLD;
    const misses = this.settings.AUDIT_ALERT_OUTSIDE_PORTFOLIO_THRESHOLD;
    const lookback =
      AUDIT_ALERT_WINDOW_MS + Math.max(2 * this.settings.AUDIT_ALERT_SCAN_INTERVAL_MS, AUDIT_ALERT_WINDOW_MS);
    const from = new Date(now.getTime() - lookback);
    // Actors over a threshold over the whole scanned period: only they can be over it in one hour.
    const candidates: Candidate[] = await this.dataSource.query(
      `SELECT actor_kind AS "actorKind", actor_id AS "actorId",
              (array_agg(actor_login ORDER BY seq DESC))[1] AS "actorLogin",
              (array_agg(organisation_id ORDER BY seq DESC))[1] AS "organisationId",
              (array_agg(organisation_name ORDER BY seq DESC))[1] AS "organisationName"
         FROM audit_entry
        WHERE at > $1 AND at <= $2
        GROUP BY actor_kind, actor_id
       HAVING count(DISTINCT person_id) FILTER (WHERE outcome = 'allowed') > $3
           OR count(*) FILTER (WHERE outcome <> 'allowed') > $4`,
      [from, now, volume, misses],
    );
    const report: AuditAlertScanReport = {
      from,
      to: now,
      actorsChecked: candidates.length,
      raised: 0,
      updated: 0,
    };
    for (const candidate of candidates) {
      const events: ScannedEvent[] = await this.dataSource.query(
        `SELECT at, person_id AS "personId", outcome, operation
           FROM audit_entry
          WHERE actor_kind = $1 AND actor_id = $2 AND at > $3 AND at <= $4
          ORDER BY at, seq`,
        [candidate.actorKind, candidate.actorId, from, now],
      );
      const reads = events.filter((event) => event.outcome === 'allowed');
      const refused = events.filter((event) => event.outcome !== 'allowed');
      const checks: Array<[AuditAlertKind, WindowPeak | null, number, ScannedEvent[]]> = [
        ['volume', peakDistinctPersons(reads, AUDIT_ALERT_WINDOW_MS), volume, reads],
        ['outside_portfolio', peakEvents(refused, AUDIT_ALERT_WINDOW_MS), misses, refused],
      ];
      for (const [kind, peak, threshold, counted] of checks) {
        if (!peak || peak.count <= threshold) continue;
        const outcome = await this.raise(kind, candidate, peak, threshold, operationsIn(counted, peak));
        if (outcome === 'raised') report.raised += 1;
        if (outcome === 'updated') report.updated += 1;
      }
    }
    if (report.raised > 0 || report.updated > 0) this.logger.warn(report, 'audit alerts raised');
    return report;
  }

  async list(
    filter: { acknowledged?: boolean | null; kind?: AuditAlertKind | null },
    page: { first: number; after?: string | null },
  ): Promise<{ nodes: AuditAlertEntity[]; pageInfo: PageInfo }> {
    const query = this.dataSource
      .getRepository(AuditAlertEntity)
      .createQueryBuilder('a')
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(page.first + 1);
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.acknowledged === true) query.andWhere('a.acknowledged_at IS NOT NULL');
    if (filter.acknowledged === false) query.andWhere('a.acknowledged_at IS NULL');
    if (page.after) {
      const after = Buffer.from(page.after, 'base64url')
        .toString('utf8')
        .replace(/^alert:/, '');
      if (
        !isUuid(after) ||
        !(await this.dataSource.getRepository(AuditAlertEntity).existsBy({ id: after }))
      ) {
        throw new AuditException(AuditExceptionCode.InvalidCursor, 'The cursor is not valid');
      }
      query.andWhere(
        '(a.created_at, a.id) < (SELECT c.created_at, c.id FROM audit_alert c WHERE c.id = :after)',
        {
          after,
        },
      );
    }
    const rows = await query.getMany();
    const nodes = rows.slice(0, page.first);
    const last = nodes[nodes.length - 1];
    return {
      nodes,
      pageInfo: {
        hasNextPage: rows.length > page.first,
        endCursor: last ? Buffer.from(`alert:${last.id}`, 'utf8').toString('base64url') : null,
      },
    };
  }

  /** Marks an alert as seen by the DPO (idempotent: a second call keeps the first acknowledgement). */
  async acknowledge(id: string, actor: Actor): Promise<AuditAlertEntity> {
    const repository = this.dataSource.getRepository(AuditAlertEntity);
    if (!isUuid(id)) throw new AuditException(AuditExceptionCode.AlertNotFound, 'Alert not found');
    await repository
      .createQueryBuilder()
      .update()
      .set({ acknowledgedBy: actor.login, acknowledgedAt: this.clock.now() })
      .where('id = :id AND acknowledged_at IS NULL', { id })
      .execute();
    const alert = await repository.findOneBy({ id });
    if (!alert) throw new AuditException(AuditExceptionCode.AlertNotFound, 'Alert not found');
    return alert;
  }

  private async raise(
    kind: AuditAlertKind,
    candidate: Candidate,
    peak: WindowPeak,
    threshold: number,
    operations: Record<string, number>,
  ): Promise<'raised' | 'updated' | 'unchanged'> {
    return this.dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `spie:audit-alert:${kind}:${candidate.actorKind}:${candidate.actorId}`,
      ]);
      const repository = em.getRepository(AuditAlertEntity);
      const open = await repository
        .createQueryBuilder('a')
        .where('a.kind = :kind AND a.actor_kind = :actorKind AND a.actor_id = :actorId', {
          kind,
          actorKind: candidate.actorKind,
          actorId: candidate.actorId,
        })
        .andWhere('a.window_end > :start', { start: peak.windowStart })
        .orderBy('a.window_end', 'DESC')
        .getOne();
      const details = { operations, windowMinutes: AUDIT_ALERT_WINDOW_MS / 60_000 };
      if (open) {
        if (peak.count <= open.count) return 'unchanged';
        await repository.update(
          { id: open.id },
          { count: peak.count, windowStart: peak.windowStart, windowEnd: peak.windowEnd, details },
        );
        return 'updated';
      }
      await repository.insert({
        kind,
        ...candidate,
        windowStart: peak.windowStart,
        windowEnd: peak.windowEnd,
        count: peak.count,
        threshold,
        details,
        acknowledgedBy: null,
        acknowledgedAt: null,
      });
      return 'raised';
    });
  }
}

/** Operations counted in the peak window, by name. */
function operationsIn(events: readonly ScannedEvent[], peak: WindowPeak): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const event of events) {
    const at = event.at.getTime();
    if (at > peak.windowStart.getTime() && at <= peak.windowEnd.getTime()) {
      counts[event.operation] = (counts[event.operation] ?? 0) + 1;
    }
  }
  return counts;
}
