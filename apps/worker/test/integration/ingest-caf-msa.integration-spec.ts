import { randomUUID } from 'node:crypto';
import { Readable, PassThrough } from 'node:stream';

import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import { generateCafFlux, type GenerateCafFluxOptions } from '@spie/connectors/caf-msa';
import {
  IdentityConflictService,
  ImportBatchService,
  ImportSubmissionService,
  type ImportBatchEntity,
} from '@spie/ingestion/data-access';

import { NirCipherService } from '@spie/person/data-access';
import { parseNir } from '@spie/person/domain';
import type { JobEnvelope } from '@spie/platform/queue';
import { buildIngestSenders } from '@spie/shared/testing';

import { createWorker } from '../../src/bootstrap';

async function flux(options: GenerateCafFluxOptions): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  await generateCafFlux(options, out);
  return Buffer.concat(parts);
}

describe('worker: CAF/MSA flux through the queue into PostgreSQL', () => {
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let submission: ImportSubmissionService;
  let batches: ImportBatchService;
  let envelope: JobEnvelope;
  // Each run draws its own households (matricules start at a random offset) so runs do not see each other.
  const offset = Math.floor(Math.random() * 1_000_000) * 10;
  const base = {
    households: 25,
    seed: 11,
    matriculeOffset: offset,
    departmentCode: '052',
    cohortDate: '2026-08-31',
  };

  beforeAll(async () => {
    worker = await createWorker({ logs: false });
    dataSource = worker.get<DataSource>(getDataSourceToken());
    submission = worker.get(ImportSubmissionService, { strict: false });
    batches = worker.get(ImportBatchService, { strict: false });
    envelope = (await buildIngestSenders(dataSource)).envelopes['caf-msa'];
  });

  afterAll(async () => {
    await worker?.close();
  });

  async function ingest(bytes: Buffer, fileName = `${randomUUID()}.xml`): Promise<ImportBatchEntity> {
    const { batch } = await submission.submit({
      source: 'caf-msa',
      fileName,
      input: Readable.from([bytes]),
      envelope,
    });
    for (let i = 0; i < 240; i += 1) {
      const current = await batches.get(batch.id);
      if (current && ['completed', 'completed_with_errors', 'failed'].includes(current.status))
        return current;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`batch ${batch.id} did not finish`);
  }

  const applied: string[] = [];
  async function rightsRows(): Promise<number> {
    const [row] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM rsa_right_status WHERE source_ref = ANY($1::text[])`,
      [applied],
    )) as Array<{ n: number }>;
    return row.n;
  }

  it('creates households and people from a first monthly flux, then changes nothing when the same file comes again', async () => {
    const august = await flux({ ...base, referenceDate: '2026-08-31' });
    const first = await ingest(august);
    applied.push(first.id);
    expect(first.status).toBe('completed');
    expect(first.counts.householdsCreated).toBe(25);
    expect(first.counts.personsCreated).toBeGreaterThanOrEqual(25);
    expect(first.counts.rejected).toBe(0);
    const rows = await rightsRows();

    const again = await ingest(august);
    expect(again.status).toBe('completed');
    expect(again.id).not.toBe(first.id);
    expect(again.counts.householdsUnchanged).toBe(25);
    expect(again.counts.personsCreated + again.counts.personsUpdated + again.counts.householdsUpdated).toBe(
      0,
    );
    expect(await rightsRows()).toBe(rows);

    // The next month, some states change: those households are updated and their history grows.
    const september = await ingest(await flux({ ...base, referenceDate: '2026-09-30', changeRate: 0.4 }));
    applied.push(september.id);
    expect(september.status).toBe('completed');
    expect(september.counts.householdsCreated).toBe(0);
    expect(september.counts.householdsUpdated).toBeGreaterThan(0);
    expect(september.counts.householdsUpdated + september.counts.householdsUnchanged).toBe(25);
    const afterSeptember = await rightsRows();
    expect(afterSeptember).toBeGreaterThan(rows);

    // July's flux arrives late: it is older than what was applied and changes nothing.
    const july = await ingest(
      await flux({ ...base, cohortDate: '2026-07-31', referenceDate: '2026-07-31', changeRate: 0.9 }),
    );
    expect(july.counts.stale).toBe(25);
    expect(july.counts.householdsUpdated + july.counts.householdsCreated).toBe(0);
    expect(await rightsRows()).toBe(afterSeptember);
  });

  it('computes the parcours status of every person of a flux after the batch, off the apply transaction', async () => {
    const bytes = await flux({ ...base, matriculeOffset: offset + 7_000, referenceDate: '2026-08-31' });
    const batch = await ingest(bytes);
    expect(batch.status).toBe('completed');
    const created = (await dataSource.query(
      `SELECT DISTINCT person_id FROM domain_event WHERE source_ref = $1 AND type = 'person.created'`,
      [batch.id],
    )) as Array<{ person_id: string }>;
    expect(created.length).toBe(batch.counts.personsCreated);
    let computed = 0;
    for (let i = 0; i < 80 && computed < created.length; i += 1) {
      const [row] = (await dataSource.query(
        `SELECT count(*)::int AS n FROM person_parcours_status WHERE person_id = ANY($1::uuid[])`,
        [created.map((c) => c.person_id)],
      )) as Array<{ n: number }>;
      computed = row.n;
      if (computed < created.length) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(computed).toBe(created.length);
    const [pending] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM person_parcours_status_pending WHERE person_id = ANY($1::uuid[])`,
      [created.map((c) => c.person_id)],
    )) as Array<{ n: number }>;
    expect(pending.n).toBe(0);
  });

  it('refuses a truncated flux without closing any right, keeping the households read before the cut', async () => {
    const bytes = await flux({ ...base, matriculeOffset: offset + 5_000, referenceDate: '2026-08-31' });
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.6));
    const batch = await ingest(cut);
    expect(batch.status).toBe('failed');
    expect(batch.errorCode).toBe('XML_TRUNCATED');
    const issues = await batches.issues(batch.id);
    expect(issues[0]).toMatchObject({ position: 0, code: 'XML_TRUNCATED', severity: 'error' });
    const [closed] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM rsa_right_status WHERE source_ref = $1 AND person_id IS NULL AND status IN ('closed', 'closed_previous')`,
      [batch.id],
    )) as Array<{ n: number }>;
    const generatedClosed = (cut.toString('latin1').match(/<ETATDOSRSA>[56]</g) ?? []).length;
    expect(closed.n).toBeLessThanOrEqual(generatedClosed);
  });

  it('refuses a flux that declares a DTD (XXE) and applies nothing of it', async () => {
    const xml = Buffer.from(
      '<?xml version="1.0" encoding="windows-1252"?>\n<!DOCTYPE Racine [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Racine>&xxe;</Racine>',
      'latin1',
    );
    const batch = await ingest(xml);
    expect(batch.status).toBe('failed');
    expect(batch.errorCode).toBe('XML_DTD_FORBIDDEN');
    expect(batch.recordsRead).toBe(0);
  });

  it('sends a person with the identity of a known person but another NIR to the review queue', async () => {
    // The generator leaves some people without a NIR: take the first household (from the run's offset) that has one.
    let bytes: Buffer = Buffer.alloc(0);
    let nir: string | undefined;
    for (let shift = 0; !nir && shift < 50; shift += 1) {
      bytes = await flux({
        ...base,
        households: 1,
        matriculeOffset: offset + 9_000 + shift * 10,
        referenceDate: '2026-08-31',
      });
      nir = /<NIR>(\d{13})<\/NIR>/.exec(bytes.toString('latin1'))?.[1];
    }
    if (!nir) throw new Error('no generated household with a NIR');
    await ingest(bytes);
    const text = bytes.toString('latin1');
    // Same household content under another matricule, with the first person's NIR changed (and still valid).
    const otherNir = `${nir.slice(0, 10)}${String((Number(nir.slice(10)) + 1) % 1000).padStart(3, '0')}`;
    const twin = Buffer.from(
      text
        .replace(
          /<MATRICULE>(\d+)<\/MATRICULE>/,
          (_m, value: string) =>
            `<MATRICULE>${String(Number(value) + 1).padStart(value.length, '0')}</MATRICULE>`,
        )
        .replace(nir, otherNir),
      'latin1',
    );
    const batch = await ingest(twin);
    expect(batch.status).toBe('completed_with_errors');
    expect(batch.counts.conflicts).toBeGreaterThanOrEqual(1);
    const [conflict] = (await dataSource.query(
      `SELECT id, reason, observation, context FROM identity_conflict WHERE batch_id = $1`,
      [batch.id],
    )) as Array<{
      id: string;
      reason: string;
      observation: Record<string, unknown>;
      context: Record<string, unknown>;
    }>;
    expect(conflict.reason).toBe('SAME_IDENTITY_OTHER_NIR');
    expect(JSON.stringify(conflict.observation)).not.toContain(otherNir);

    // An agent decides they are two people: the person of the record is created apart, with their NIR and membership.
    const cipher = worker.get(NirCipherService, { strict: false });
    const resolved = await worker
      .get(IdentityConflictService, { strict: false })
      .resolve(conflict.id, { resolution: 'keep_separate', comment: 'Twins' }, { id: 'agent-test' });
    expect(resolved.status).toBe('created');
    const [person] = (await dataSource.query(
      `SELECT p.id, p.nir_hash FROM person p
         JOIN household_member m ON m.person_id = p.id AND m.valid_to IS NULL
        WHERE p.id = $1 AND m.household_id = $2 AND m.recorded_by = 'agent:agent-test'`,
      [resolved.resolvedPersonId, conflict.context['householdId']],
    )) as Array<{ id: string; nir_hash: string }>;
    const parsed = parseNir(otherNir);
    expect(parsed.ok).toBe(true);
    expect(person.nir_hash).toBe(cipher.lookupHash(parsed.ok ? parsed.value : (null as never)));
    const [event] = (await dataSource.query(
      `SELECT count(*)::int AS n FROM domain_event WHERE type = 'person.created' AND person_id = $1`,
      [person.id],
    )) as Array<{ n: number }>;
    expect(event.n).toBe(1);
  });
});
