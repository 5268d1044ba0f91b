import { randomUUID } from 'node:crypto';

import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, QueueEvents } from 'bullmq';
import type { DataSource } from 'typeorm';

import { RetentionService } from '@spie/audit/data-access';
import { AUDIT_ALERT_SCAN_SCHEDULER, RETENTION_RUN_SCHEDULER } from '@spie/audit/feature-jobs';
import { JobName, JobQueueService, QueueName } from '@spie/platform/queue';
import { buildOrganisation, buildPerson } from '@spie/shared/testing';

import { createWorker } from '../../src/bootstrap';

describe('worker: retention run and audit alert scan', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  const connection = () => ({ url: process.env['REDIS_URL'] as string, maxRetriesPerRequest: null });
  let retentionEvents: QueueEvents;
  let auditEvents: QueueEvents;

  beforeAll(async () => {
    worker = await createWorker({ logs: false });
    dataSource = worker.get<DataSource>(getDataSourceToken());
    retentionEvents = new QueueEvents(QueueName.Retention, { connection: connection(), prefix: 'spie' });
    auditEvents = new QueueEvents(QueueName.Audit, { connection: connection(), prefix: 'spie' });
    await Promise.all([retentionEvents.waitUntilReady(), auditEvents.waitUntilReady()]);
  });

  afterAll(async () => {
    await retentionEvents?.close();
    await auditEvents?.close();
    await worker?.close();
  });

  it('should schedule the alert scan and the daily retention run once for the hub when a worker boots', async () => {
    for (const [name, id, every] of [
      [QueueName.Audit, AUDIT_ALERT_SCAN_SCHEDULER, 300_000],
      [QueueName.Retention, RETENTION_RUN_SCHEDULER, 86_400_000],
    ] as const) {
      const queue = new Queue(name, { connection: connection(), prefix: 'spie' });
      try {
        expect((await queue.getJobScheduler(id))?.every).toBe(every);
      } finally {
        await queue.close();
      }
    }
  });

  it('should destroy a person declared not a beneficiary when the job limited to that person runs', async () => {
    const person = await buildPerson(dataSource);
    const organisation = await buildOrganisation(dataSource);
    await dataSource.query(
      `INSERT INTO orientation (person_id, type, structure_id, decided_at, source, recorded_by)
       VALUES ($1, 'pro', $2, now(), 'hub', 'test')`,
      [person.id, organisation.id],
    );
    const bystander = await buildPerson(dataSource);
    const actor = {
      kind: 'agent' as const,
      id: randomUUID(),
      login: 'cd52-orientation',
      organisationId: null,
    };
    await worker.get(RetentionService).declareNotBeneficiary(person.id, {
      actor: { ...actor, displayName: 'x', roles: ['orientation'] },
      reason: 'not a beneficiary',
      correlationId: null,
    });
    const job = await worker
      .get(JobQueueService)
      .enqueue(JobName.RetentionRun, { dryRun: false, personIds: [person.id], correlationId: 'test', actor });
    await expect(job.waitUntilFinished(retentionEvents, 30_000)).resolves.toEqual({
      dryRun: false,
      scanned: 1,
      archived: 0,
      reactivated: 0,
      destroyed: 1,
      auditEntriesPurged: null,
    });
    const left = async (sql: string, id: string) => (await dataSource.query(sql, [id]))[0].n;
    expect(await left('SELECT count(*)::int AS n FROM person WHERE id = $1', person.id)).toBe(0);
    expect(await left('SELECT count(*)::int AS n FROM orientation WHERE person_id = $1', person.id)).toBe(0);
    expect(await left('SELECT count(*)::int AS n FROM person WHERE id = $1', bystander.id)).toBe(1);
    const [entry] = await dataSource.query(
      `SELECT actor_login, reason FROM audit_entry WHERE person_id = $1 AND operation = 'person.destroy'`,
      [person.id],
    );
    expect(entry).toEqual({ actor_login: 'cd52-orientation', reason: 'not_beneficiary' });
  });

  it('should run an alert scan when the job is queued', async () => {
    const job = await worker.get(JobQueueService).enqueue(JobName.AuditAlertScan, {
      correlationId: 'test',
      actor: { kind: 'system', id: 'system', login: 'system', organisationId: null },
    });
    await expect(job.waitUntilFinished(auditEvents, 30_000)).resolves.toMatchObject({
      raised: expect.any(Number),
    });
  });
});
