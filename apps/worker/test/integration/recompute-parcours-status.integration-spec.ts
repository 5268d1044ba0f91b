import { randomUUID } from 'node:crypto';

import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

import {
  HouseholdEntity,
  HouseholdMemberEntity,
  RsaRightStatusEntity,
} from '@spie/household-rights/data-access';
import { OrientationEntity } from '@spie/orientation/data-access';
import { PersonParcoursStatusEntity } from '@spie/parcours/feature-jobs';
import { SchemaOutOfDateError } from '@spie/platform/database';
import { JobName, JobQueueService, QueueName, type JobPayload } from '@spie/platform/queue';
import { buildOrganisation, buildPerson, testProvenance } from '@spie/shared/testing';

import { createWorker } from '../../src/bootstrap';

const DAY = 24 * 3600 * 1000;
const isoDate = (date: Date) => date.toISOString().slice(0, 10);

describe('worker: recompute parcours status', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    worker = await createWorker({ logs: false });
    dataSource = worker.get<DataSource>(getDataSourceToken());
    const connection = { url: process.env['REDIS_URL'] as string, maxRetriesPerRequest: null };
    queue = new Queue(QueueName.Parcours, { connection, prefix: 'spie' });
    events = new QueueEvents(QueueName.Parcours, { connection, prefix: 'spie' });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await events?.close();
    await queue?.close();
    await worker?.close();
  });

  /** A CAF household whose right opened `daysAgo` days ago, with the person as demandeur subject to rights and duties. */
  async function personWithOpenRight(daysAgo: number): Promise<string> {
    const person = await buildPerson(dataSource);
    const household = await dataSource.getRepository(HouseholdEntity).save(
      dataSource.getRepository(HouseholdEntity).create({
        organisme: 'caf',
        organismeCode: '521',
        matricule: randomUUID().slice(0, 7),
        departmentCode: '052',
      }),
    );
    const provenance = testProvenance({ source: 'caf' });
    const openedOn = isoDate(new Date(Date.now() - daysAgo * DAY));
    const month = `${openedOn.slice(0, 7)}-01`;
    await dataSource.getRepository(HouseholdMemberEntity).save({
      householdId: household.id,
      personId: person.id,
      role: 'DEM',
      validFrom: openedOn,
      validTo: null,
      provenance,
    });
    const rights = dataSource.getRepository(RsaRightStatusEntity);
    await rights.save([
      rights.create({
        householdId: household.id,
        personId: null,
        referenceMonth: month,
        etatDossier: '2',
        status: 'open',
        openedOn,
        provenance,
      }),
      rights.create({
        householdId: household.id,
        personId: person.id,
        referenceMonth: month,
        etatDossier: '2',
        status: 'open',
        openedOn,
        subjectToRightsAndDuties: true,
        provenance,
      }),
    ]);
    return person.id;
  }

  function payload(personId: string, reason = 'test'): JobPayload<JobName.RecomputeParcoursStatus> {
    return {
      personId,
      reason,
      correlationId: `corr-${randomUUID()}`,
      actor: { kind: 'system', id: 'integration-test', login: 'integration-test', organisationId: null },
    };
  }

  const statusOf = (personId: string) =>
    dataSource.getRepository(PersonParcoursStatusEntity).findOneBy({ personId });

  it('should write the status of a new entrant waiting for orientation when the job runs', async () => {
    const personId = await personWithOpenRight(20);
    const job = await worker.get(JobQueueService).enqueue(JobName.RecomputeParcoursStatus, payload(personId));
    await expect(job.waitUntilFinished(events, 20_000)).resolves.toEqual({ stage: 'to_orient' });

    const status = await statusOf(personId);
    expect(status).toMatchObject({ stage: 'to_orient', subjectToRightsAndDuties: true, orientedAt: null });
    expect(status?.daysToOrientation).toBe(20);
  });

  it('should move the person to oriented when a job runs after the orientation is decided', async () => {
    const personId = await personWithOpenRight(40);
    const first = await queue.add(JobName.RecomputeParcoursStatus, payload(personId, 'caf-flux'));
    await first.waitUntilFinished(events, 20_000);
    expect((await statusOf(personId))?.stage).toBe('to_orient');

    const structure = await buildOrganisation(dataSource, { type: 'france_travail_agency' });
    const decidedAt = new Date(Date.now() - 10 * DAY);
    await dataSource.getRepository(OrientationEntity).save({
      personId,
      type: 'pro',
      structureId: structure.id,
      referentAgentId: null,
      decidedAt,
      decidedByAgentId: null,
      reason: null,
      supersededAt: null,
      provenance: testProvenance({ source: 'department' }),
    });
    const second = await queue.add(JobName.RecomputeParcoursStatus, payload(personId, 'orientation-decided'));
    await second.waitUntilFinished(events, 20_000);

    const status = await statusOf(personId);
    expect(status).toMatchObject({ stage: 'oriented', orientedAt: decidedAt, daysToOrientation: 30 });
  });

  it('should send an invalid payload to the failed set at once, without retrying it', async () => {
    const job = await queue.add(
      JobName.RecomputeParcoursStatus,
      { personId: 'not-a-uuid', reason: 'test' },
      { attempts: 5, backoff: { type: 'fixed', delay: 10 } },
    );
    await expect(job.waitUntilFinished(events, 20_000)).rejects.toThrow(/Invalid payload/);

    const failed = await queue.getJob(job.id as string);
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain('personId: isUuid');
  });
});

describe('worker boot', () => {
  it('should refuse to start when the database schema is not current', async () => {
    const original = process.env['DATABASE_URL'] as string;
    const scratch = `spie_worker_old_schema_${process.pid}`;
    const admin = new Client({ connectionString: original });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratch}"`);
    try {
      const url = new URL(original);
      url.pathname = `/${scratch}`;
      process.env['DATABASE_URL'] = url.toString();
      await expect(createWorker({ logs: false })).rejects.toBeInstanceOf(SchemaOutOfDateError);
    } finally {
      process.env['DATABASE_URL'] = original;
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
