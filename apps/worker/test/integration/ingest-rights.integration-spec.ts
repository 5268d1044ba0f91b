import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';

import { HabilitationService } from '@spie/access/data-access';
import type { CafHouseholdRecord } from '@spie/connectors/caf-msa';
import {
  IngestDeadLetterService,
  type ImportBatchEntity,
  type StagedRecord,
} from '@spie/ingestion/data-access';
import { IngestionException } from '@spie/ingestion/domain';
import { IngestParseFileJob } from '@spie/ingestion/feature-jobs';
import { EnvironmentVariables } from '@spie/platform/config';
import { JobName, JobQueueService, QueueName, type JobEnvelope } from '@spie/platform/queue';
import { buildAgentWithOrganisation, cafFluxBytes, envelopeOf } from '@spie/shared/testing';

import { startIngestHarness, type IngestHarness } from './ingest-harness';

/**
 * Queue jobs act with the rights of the account their batch acts for, checked again when they run: the parse runs
 * (here by its handler, the queue paused), the sender's habilitation changes, then the apply jobs run through the
 * queue and worker. Revoked: the batch is held and nothing is written, staged chunks and raw file kept, until a replay
 * by an account with the rights. Narrowed: the records writing what it no longer writes are refused one by one.
 */
describe('worker: jobs re-check the rights of the account a batch acts for', () => {
  let harness: IngestHarness;
  let habilitations: HabilitationService;
  const offset = 70_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
  let ordinal = 0;

  beforeAll(async () => {
    harness = await startIngestHarness({ redisDb: 8 });
    habilitations = new HabilitationService(harness.dataSource);
  });

  afterAll(async () => {
    await harness?.close();
  });

  const queue = () =>
    harness.worker
      .get(JobQueueService, { strict: false })
      .queue(JobName.IngestApplyChunk, QueueName.IngestCafMsa);

  /** A CAF technical account of its own organisation (holding the CAF's transmission habilitation). */
  const cafSender = () =>
    buildAgentWithOrganisation(harness.dataSource, { type: 'caf', roles: ['connector'] });

  /**
   * Sends a flux as `sender` with the queue paused, runs its parse by the job's handler and leaves its apply jobs
   * waiting in the paused queue: the batch is parsed, nothing is applied.
   */
  async function parsedNotApplied(envelope: JobEnvelope, households: number): Promise<ImportBatchEntity> {
    ordinal += 1;
    await queue().pause();
    const bytes = await cafFluxBytes({
      households,
      seed: 17,
      matriculeOffset: offset + ordinal * 1000,
      referenceDate: '2026-08-31',
    });
    const { batch } = await harness.submission.submit({
      source: 'caf-msa',
      fileName: `rights-${ordinal}.xml`,
      input: Readable.from([bytes]),
      envelope,
    });
    await harness.worker
      .get(IngestParseFileJob, { strict: false })
      .handle({ ...envelope, batchId: batch.id });
    const parsed = (await harness.batches.get(batch.id)) as ImportBatchEntity;
    expect(parsed).toMatchObject({ status: 'processing', chunksStaged: 1, chunksApplied: 0 });
    expect(parsed.parsedAt).not.toBeNull();
    return parsed;
  }

  async function settled(id: string, statuses: string[]): Promise<ImportBatchEntity> {
    for (let i = 0; i < 240; i += 1) {
      const batch = await harness.batches.get(id);
      if (batch && statuses.includes(batch.status)) return batch;
      await new Promise((done) => setTimeout(done, 250));
    }
    throw new Error(`batch ${id} never reached ${statuses.join(' or ')}`);
  }

  async function stagedRecords(batchId: string): Promise<StagedRecord[]> {
    const rows = (await harness.dataSource.query(
      `SELECT records FROM import_chunk WHERE batch_id = $1 ORDER BY seq`,
      [batchId],
    )) as Array<{ records: StagedRecord[] }>;
    return rows.flatMap((row) => row.records);
  }

  async function householdsOf(records: readonly StagedRecord[]): Promise<number> {
    const [row] = (await harness.dataSource.query(
      `SELECT count(*)::int AS n FROM household WHERE matricule = ANY($1)`,
      [records.map((record) => (record.data as CafHouseholdRecord).matricule)],
    )) as Array<{ n: number }>;
    return row.n;
  }

  async function revokeAll(organisationId: string): Promise<void> {
    for (const row of await habilitations.list(organisationId))
      await habilitations.revoke(row.id, 'test', 'convention dénoncée');
  }

  it('should hold the batch when the habilitation is revoked between parse and apply, keeping what was staged', async () => {
    const sender = await cafSender();
    const batch = await parsedNotApplied(envelopeOf(sender.agent), 12);
    const staged = await stagedRecords(batch.id);
    expect(staged).toHaveLength(12);

    await revokeAll(sender.organisation.id);
    await queue().resume();
    const held = await settled(batch.id, ['held', 'completed', 'completed_with_errors']);

    expect(held).toMatchObject({
      status: 'held',
      holdCode: 'STARTER_RIGHTS_REVOKED',
      actingAgentId: sender.agent.id,
      chunksApplied: 0,
      recordsProcessed: 0,
      completedAt: null,
    });
    expect(held.holdMessage).toContain('NO_HABILITATION');
    expect(held.heldAt).not.toBeNull();
    // Nothing written, nothing lost: the staged records and the raw file are still there.
    expect(await householdsOf(staged)).toBe(0);
    expect(await stagedRecords(batch.id)).toEqual(staged);
    const root = resolve(harness.worker.get(EnvironmentVariables, { strict: false }).IMPORT_STORAGE_DIR);
    expect(existsSync(join(root, held.storagePath))).toBe(true);

    // A replay by an account without the rights changes nothing.
    const deadLetters = harness.worker.get(IngestDeadLetterService, { strict: false });
    const ft = await buildAgentWithOrganisation(harness.dataSource, {
      type: 'france_travail_agency',
      roles: ['connector'],
    });
    await expect(deadLetters.replayBatch(batch.id, envelopeOf(ft.agent))).rejects.toBeInstanceOf(
      IngestionException,
    );
    await expect(deadLetters.replayBatch(batch.id, envelopeOf(sender.agent))).rejects.toMatchObject({
      code: 'IMPORT_NOT_HABILITATED',
      details: { reason: 'NO_HABILITATION' },
    });
    expect((await harness.batches.get(batch.id))?.status).toBe('held');

    // The department's orientation team receives the CAF flux (CASF L.262-40): its replay resumes the batch.
    const team = await buildAgentWithOrganisation(harness.dataSource, {
      type: 'department',
      roles: ['orientation'],
    });
    const replay = await deadLetters.replayBatch(batch.id, envelopeOf(team.agent));
    expect(replay).toMatchObject({ retried: [], resumed: { parse: false, chunks: 1 } });
    const done = await settled(batch.id, ['completed', 'completed_with_errors', 'failed', 'held']);
    expect(done).toMatchObject({
      status: 'completed',
      actingAgentId: team.agent.id,
      actingLogin: team.agent.login,
      resumedBy: team.agent.login,
      resumptions: 1,
      holdCode: null,
      heldAt: null,
    });
    expect(done.counts.householdsCreated).toBe(12);
    expect(await householdsOf(staged)).toBe(12);
    const [habilitation] = (await harness.dataSource.query(
      `SELECT organisation_id, legal_basis FROM habilitation WHERE id = $1`,
      [done.habilitationId],
    )) as Array<{ organisation_id: string; legal_basis: string }>;
    expect(habilitation).toEqual({ organisation_id: team.organisation.id, legal_basis: 'casf-l262-40' });
  });

  it('should hold the batch of an account disabled since, at the start of its parse', async () => {
    const sender = await cafSender();
    await queue().pause();
    const { batch } = await harness.submission.submit({
      source: 'caf-msa',
      fileName: `disabled-${offset}.xml`,
      input: Readable.from([
        await cafFluxBytes({ households: 2, seed: 3, matriculeOffset: offset + 500_000 }),
      ]),
      envelope: envelopeOf(sender.agent),
    });
    await harness.dataSource.query(`UPDATE agent SET active = false WHERE id = $1`, [sender.agent.id]);
    await queue().resume();
    const held = await settled(batch.id, ['held', 'completed', 'completed_with_errors']);
    expect(held).toMatchObject({ status: 'held', holdCode: 'STARTER_RIGHTS_REVOKED', parsedAt: null });
    expect(held.holdMessage).toContain('AGENT_DISABLED');
    expect(await stagedRecords(batch.id)).toEqual([]);
  });

  it('should refuse, record by record, what a habilitation narrowed since no longer writes, and apply the rest', async () => {
    const sender = await cafSender();
    const batch = await parsedNotApplied(envelopeOf(sender.agent), 40);
    const staged = await stagedRecords(batch.id);
    const withNir = staged.filter((record) =>
      (record.data as CafHouseholdRecord).members.some((member) => member.nir),
    );
    // The generator draws people without a NIR too: both kinds are in the file.
    expect(withNir.length).toBeGreaterThan(0);
    expect(withNir.length).toBeLessThan(staged.length);

    // Still current, but no longer writing NIRs.
    await harness.dataSource.query(
      `UPDATE habilitation SET write_categories = array_remove(write_categories, 'nir') WHERE organisation_id = $1`,
      [sender.organisation.id],
    );
    await queue().resume();
    const done = await settled(batch.id, ['completed', 'completed_with_errors', 'failed', 'held']);

    expect(done.status).toBe('completed_with_errors');
    expect(done.counts.rejected).toBe(withNir.length);
    expect(done.counts.householdsCreated).toBe(staged.length - withNir.length);
    const issues = (await harness.issues(batch.id)).filter((issue) => issue.code === 'CATEGORY_NOT_WRITABLE');
    expect(issues.map((issue) => issue.recordKey).sort()).toEqual(withNir.map((record) => record.key).sort());
    expect(issues.every((issue) => issue.phase === 'apply' && issue.message.includes('nir'))).toBe(true);
    // None of the refused households was written, not even in part.
    expect(await householdsOf(withNir)).toBe(0);
  });
});
