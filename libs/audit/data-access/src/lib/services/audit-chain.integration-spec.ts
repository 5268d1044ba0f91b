import { randomUUID } from 'node:crypto';

import { DataSource } from 'typeorm';

import { accessLogLabels, GENESIS_HASH } from '@spie/audit/domain';
import type { EnvironmentVariables } from '@spie/platform/config';
import { createScratchDatabase, hubDataSourceOptions, type ScratchDatabase } from '@spie/platform/database';
import { FixedClock, type Actor } from '@spie/shared/kernel';

import { AUDIT_ENTITIES } from '../audit.entities';
import { AuditAlertService } from './audit-alert.service';
import { AuditChainVerifier } from './audit-chain-verifier.service';
import type { AuditEntryInput } from './audit-entry.input';
import { AuditPurgeService } from './audit-purge.service';
import { AuditService } from './audit.service';

const agent = (login: string, organisationId: string | null = randomUUID()): Actor => ({
  kind: 'agent',
  id: randomUUID(),
  login,
  organisationId,
  displayName: login,
  roles: [],
});

const entry = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: agent('ft-conseiller'),
  organisationName: 'France Travail Chaumont',
  purpose: 'accompaniment',
  legalBasis: 'casf-l263-4-1',
  personId: randomUUID(),
  operation: 'person.read',
  categories: ['identity', 'contact'],
  maskedFields: ['nir'],
  outcome: 'allowed',
  correlationId: randomUUID(),
  ...overrides,
});

describe('audit chain on PostgreSQL', () => {
  let scratch: ScratchDatabase;
  let dataSource: DataSource;
  let clock: FixedClock;
  let audit: AuditService;
  let verifier: AuditChainVerifier;
  let purge: AuditPurgeService;

  beforeAll(async () => {
    scratch = await createScratchDatabase('audit_chain', AUDIT_ENTITIES);
    dataSource = scratch.dataSource;
    clock = new FixedClock(new Date('2026-03-01T10:00:00Z'));
    audit = new AuditService(dataSource, clock);
    verifier = new AuditChainVerifier(dataSource);
    purge = new AuditPurgeService(dataSource);
  }, 120_000);

  afterAll(async () => {
    await scratch?.drop();
  });

  const seqs = async () =>
    (
      (await dataSource.query('SELECT seq::int AS seq FROM audit_entry ORDER BY seq')) as Array<{
        seq: number;
      }>
    ).map((row) => row.seq);

  /** Runs SQL as the superuser the tests connect as, with the append-only trigger off for that statement only. */
  const tamper = async (sql: string, params: unknown[] = []) => {
    await dataSource.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
    try {
      await dataSource.query(sql, params);
    } finally {
      await dataSource.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
    }
  };

  /** The first three entries are a year old: the purge test removes them as the head of the chain. */
  const OLD = new Date('2025-01-10T09:00:00.123Z');

  it('should chain entries from the genesis hash with consecutive seqs when they are recorded', async () => {
    await audit.record([
      entry({ at: OLD }),
      entry({ at: OLD, outcome: 'refused', personId: null, reason: 'purpose not covered' }),
    ]);
    await audit.record([entry({ at: OLD })]);
    expect(await seqs()).toEqual([1, 2, 3]);
    const [first] = await dataSource.query('SELECT prev_hash, hash, at FROM audit_entry WHERE seq = 1');
    expect(first.prev_hash).toBe(GENESIS_HASH);
    expect(first.at).toEqual(OLD);
    const report = await verifier.verify();
    expect(report).toMatchObject({ ok: true, checked: 3, lastSeq: '3', broken: null, fromCheckpoint: null });
  });

  it('should keep one gapless chain when two writers record in parallel', async () => {
    const other = await new DataSource(
      hubDataSourceOptions({ url: scratch.url, entities: AUDIT_ENTITIES, applicationName: 'second-writer' }),
    ).initialize();
    try {
      const second = new AuditService(other, clock);
      const before = (await seqs()).length;
      const calls = Array.from({ length: 60 }, (_, i) =>
        (i % 2 === 0 ? audit : second).record([
          entry({ operation: `op.${i}` }),
          entry({ operation: `op.${i}.b` }),
        ]),
      );
      await Promise.all(calls);
      const all = await seqs();
      expect(all).toHaveLength(before + 120);
      expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
      const [latest] = await dataSource.query('SELECT at FROM audit_entry ORDER BY seq DESC LIMIT 1');
      expect(latest.at).toEqual(clock.now()); // no `at` given: the service's clock
      // Each call's two entries stay next to each other: a call is written in one transaction.
      const rows: Array<{ operation: string }> = await dataSource.query(
        `SELECT operation FROM audit_entry WHERE operation LIKE 'op.%' ORDER BY seq`,
      );
      for (let i = 0; i < rows.length; i += 2) expect(rows[i + 1].operation).toBe(`${rows[i].operation}.b`);
      expect((await verifier.verify()).ok).toBe(true);
    } finally {
      await other.destroy();
    }
  });

  it('should refuse UPDATE, DELETE and TRUNCATE when the application tries them as table owner', async () => {
    await expect(dataSource.query("UPDATE audit_entry SET actor_login = 'x' WHERE seq = 1")).rejects.toThrow(
      /AUDIT_APPEND_ONLY: UPDATE on audit_entry/,
    );
    await expect(dataSource.query('DELETE FROM audit_entry WHERE seq = 1')).rejects.toThrow(
      /AUDIT_APPEND_ONLY: DELETE on audit_entry/,
    );
    await expect(dataSource.query('TRUNCATE audit_entry')).rejects.toThrow(/AUDIT_APPEND_ONLY: TRUNCATE/);
    await expect(
      dataSource.query(
        "INSERT INTO audit_checkpoint (seq, hash, purged_count, cutoff) VALUES (999, 'x', 1, now())",
      ),
    ).rejects.toThrow(/AUDIT_APPEND_ONLY: INSERT on audit_checkpoint/);
    // A transaction that sets the purge setting by hand may delete only up to the seq it names.
    await expect(
      dataSource.transaction(async (em) => {
        await em.query("SELECT set_config('spie.audit_purge_through', '1', true)");
        await em.query('DELETE FROM audit_entry WHERE seq = 2');
      }),
    ).rejects.toThrow(/AUDIT_APPEND_ONLY: DELETE/);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('should report the tampered seq with the expected and found hash when a field was changed', async () => {
    const [target] = await dataSource.query('SELECT hash FROM audit_entry WHERE seq = 7');
    await tamper("UPDATE audit_entry SET actor_login = 'someone-else' WHERE seq = 7");
    const report = await verifier.verify({ batchSize: 3 });
    expect(report.ok).toBe(false);
    expect(report.broken).toMatchObject({ seq: '7', field: 'hash', found: target.hash });
    expect(report.broken?.expected).not.toBe(target.hash);
    expect(report.checked).toBe(7);
    await tamper("UPDATE audit_entry SET actor_login = 'ft-conseiller' WHERE seq = 7");
    expect((await verifier.verify({ batchSize: 3 })).ok).toBe(true);
  });

  it('should report a microsecond moved in time and an entry removed from the middle', async () => {
    await tamper("UPDATE audit_entry SET at = at + interval '1 microsecond' WHERE seq = 4");
    expect((await verifier.verify()).broken).toMatchObject({ seq: '4', field: 'hash' });
    await tamper("UPDATE audit_entry SET at = at - interval '1 microsecond' WHERE seq = 4");

    const [removed] = await dataSource.query('SELECT * FROM audit_entry WHERE seq = 10');
    await tamper('DELETE FROM audit_entry WHERE seq = 10');
    expect((await verifier.verify()).broken).toMatchObject({ seq: '11', field: 'seq', expected: '10' });
    await tamper(`INSERT INTO audit_entry SELECT * FROM json_populate_record(NULL::audit_entry, $1::json)`, [
      JSON.stringify(removed),
    ]);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('should purge only the head of the chain and verify from the checkpoint when entries are due', async () => {
    const total = (await seqs()).length;
    const cutoff = new Date('2025-06-01T00:00:00Z');
    const dry = await purge.purgeBefore(cutoff, { dryRun: true });
    expect(dry).toMatchObject({ entries: 3, throughSeq: '3', dryRun: true });
    expect(await seqs()).toHaveLength(total);

    const done = await purge.purgeBefore(cutoff, { dryRun: false });
    expect(done).toMatchObject({ entries: 3, throughSeq: '3', dryRun: false });
    expect((await seqs())[0]).toBe(4);
    const [checkpoint] = await dataSource.query(
      'SELECT seq::text AS seq, hash, purged_count::int AS n FROM audit_checkpoint',
    );
    const [next] = await dataSource.query('SELECT prev_hash FROM audit_entry WHERE seq = 4');
    expect(checkpoint).toEqual({ seq: '3', hash: next.prev_hash, n: 3 });

    await audit.record([entry()]);
    const report = await verifier.verify();
    expect(report).toMatchObject({ ok: true, fromCheckpoint: { seq: '3' }, checked: total - 3 + 1 });
    expect(await purge.purgeBefore(cutoff, { dryRun: false })).toMatchObject({
      entries: 0,
      throughSeq: null,
    });
  });

  it('should report the checkpoint link when the first kept entry was tampered with', async () => {
    await tamper("UPDATE audit_entry SET prev_hash = repeat('0', 64) WHERE seq = 4");
    expect((await verifier.verify()).broken).toMatchObject({ seq: '4', field: 'prev_hash' });
    const [checkpoint] = await dataSource.query('SELECT hash FROM audit_checkpoint WHERE seq = 3');
    await tamper('UPDATE audit_entry SET prev_hash = $1 WHERE seq = 4', [checkpoint.hash]);
    expect((await verifier.verify()).ok).toBe(true);
  });

  it('should keep an old entry that follows a recent one when the head is purged', async () => {
    const cutoff = new Date('2026-01-01T00:00:00Z');
    await audit.record([entry({ at: new Date('2025-12-31T00:00:00Z') })]); // old, but after recent entries
    const before = await seqs();
    const report = await purge.purgeBefore(cutoff, { dryRun: false });
    expect(report.entries).toBe(0);
    expect(await seqs()).toEqual(before);
  });

  describe('access log', () => {
    const person = randomUUID();
    const self: Actor = {
      kind: 'person',
      id: person,
      login: 'allocataire-demo',
      organisationId: null,
      displayName: 'A',
      roles: [],
    };

    beforeAll(async () => {
      const adviser = agent('ft-conseiller');
      await audit.record([
        entry({
          actor: adviser,
          personId: person,
          at: new Date('2026-02-01T10:00:00Z'),
          operation: 'person.read',
        }),
        entry({
          actor: adviser,
          personId: person,
          at: new Date('2026-02-02T10:00:00Z'),
          categories: ['nir'],
        }),
        entry({
          actor: agent('cd52-referent'),
          personId: person,
          outcome: 'refused',
          reason: 'no habilitation',
        }),
        entry({ actor: self, organisationName: null, personId: person, purpose: null }),
        entry({ actor: adviser, personId: randomUUID() }),
        entry({
          actor: agent('cd52-orientation'),
          organisationName: 'Département de la Haute-Marne',
          purpose: 'orientation',
          personId: person,
          operation: 'orientation.decide',
          categories: ['orientation', 'rsa_rights'],
          at: new Date('2026-02-03T10:00:00Z'),
        }),
      ]);
    });

    it('should list only the reads others made of this person, newest first, in plain words', async () => {
      const page = await audit.accessLogOf(person, { first: 10 });
      expect(
        page.nodes.map((node) => [node.organisation, node.purpose, node.categories, node.action]),
      ).toEqual([
        [
          'Département de la Haute-Marne',
          'Décider de votre orientation vers un accompagnement',
          ['Orientation', 'Droits au RSA'],
          'Décision d’orientation',
        ],
        [
          'France Travail Chaumont',
          'Vous accompagner dans votre parcours vers l’emploi',
          ['Numéro de sécurité sociale'],
          'Consultation de votre dossier',
        ],
        [
          'France Travail Chaumont',
          'Vous accompagner dans votre parcours vers l’emploi',
          ['Identité', 'Coordonnées'],
          'Consultation de votre dossier',
        ],
      ]);
      expect(page.pageInfo.hasNextPage).toBe(false);
    });

    it('should page with a cursor when there are more entries than asked', async () => {
      const first = await audit.accessLogOf(person, { first: 2 });
      expect(first.nodes).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await audit.accessLogOf(person, { first: 2, after: first.pageInfo.endCursor });
      expect(second.nodes.map((node) => node.at.toISOString())).toEqual(['2026-02-01T10:00:00.000Z']);
      expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
      await expect(audit.accessLogOf(person, { first: 2, after: 'bm9wZQ' })).rejects.toThrow('cursor');
    });

    it('should use the labels given when the caller has its own registry', async () => {
      const page = await audit.accessLogOf(
        person,
        { first: 1 },
        accessLogLabels({ purposes: { orientation: 'O' } }),
      );
      expect(page.nodes[0].purpose).toBe('O');
    });

    it('should find entries by actor, outcome and period when the DPO searches', async () => {
      const refused = await audit.search({ personId: person, outcome: 'refused' }, { first: 10 });
      expect(refused.nodes.map((node) => [node.actorLogin, node.reason])).toEqual([
        ['cd52-referent', 'no habilitation'],
      ]);
      const february = await audit.search(
        {
          personId: person,
          actorLogin: 'ft-conseiller',
          from: new Date('2026-02-02T00:00:00Z'),
          to: new Date('2026-02-03T00:00:00Z'),
        },
        { first: 10 },
      );
      expect(february.nodes.map((node) => node.categories)).toEqual([['nir']]);
    });
  });

  describe('alerts', () => {
    const settings = {
      AUDIT_ALERT_VOLUME_THRESHOLD: 5,
      AUDIT_ALERT_OUTSIDE_PORTFOLIO_THRESHOLD: 3,
      AUDIT_ALERT_SCAN_INTERVAL_MS: 300_000,
    } as EnvironmentVariables;
    const now = new Date('2026-03-01T12:00:00Z');
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    let alerts: AuditAlertService;

    beforeAll(() => {
      alerts = new AuditAlertService(dataSource, new FixedClock(now), settings);
    });

    it('should raise one alert per pattern when an actor goes past a threshold in an hour', async () => {
      const reader = agent('bulk-reader');
      const prober = agent('prober');
      const steady = agent('steady');
      await audit.record([
        // 6 distinct persons in 50 minutes (one read twice): over 5.
        ...Array.from({ length: 6 }, (_, i) => entry({ actor: reader, at: minutesAgo(60 - i * 10) })),
        entry({ actor: reader, at: minutesAgo(5) }),
        // 4 refusals in 30 minutes: over 3.
        ...Array.from({ length: 4 }, (_, i) =>
          entry({
            actor: prober,
            outcome: i % 2 ? 'refused' : 'not_found',
            personId: null,
            at: minutesAgo(40 - i * 10),
          }),
        ),
        // 6 persons over 2.5 hours: never more than 3 in an hour.
        ...Array.from({ length: 6 }, (_, i) => entry({ actor: steady, at: minutesAgo(150 - i * 30) })),
      ]);
      const report = await alerts.scan();
      expect(report).toMatchObject({ raised: 2, updated: 0 });
      const { nodes } = await alerts.list({ acknowledged: false }, { first: 10 });
      const byKind = Object.fromEntries(nodes.map((alert) => [alert.kind, alert]));
      expect(byKind['volume']).toMatchObject({ actorLogin: 'bulk-reader', count: 7, threshold: 5 });
      expect(byKind['outside_portfolio']).toMatchObject({ actorLogin: 'prober', count: 4, threshold: 3 });
      expect(byKind['outside_portfolio'].details).toEqual({
        operations: { 'person.read': 4 },
        windowMinutes: 60,
      });
      expect(nodes.some((alert) => alert.actorLogin === 'steady')).toBe(false);
    });

    it('should not raise the same incident twice when the next scan sees it again', async () => {
      expect(await alerts.scan()).toMatchObject({ raised: 0, updated: 0 });
      expect((await alerts.list({}, { first: 10 })).nodes).toHaveLength(2);
    });

    it('should keep the first acknowledgement when an alert is acknowledged twice', async () => {
      const [alert] = (await alerts.list({ kind: 'volume' }, { first: 1 })).nodes;
      const dpo = agent('dpo');
      const first = await alerts.acknowledge(alert.id, dpo);
      expect(first).toMatchObject({ acknowledgedBy: 'dpo' });
      const again = await alerts.acknowledge(alert.id, agent('someone'));
      expect(again.acknowledgedBy).toBe('dpo');
      expect((await alerts.list({ acknowledged: false }, { first: 10 })).nodes.map((a) => a.kind)).toEqual([
        'outside_portfolio',
      ]);
      await expect(alerts.acknowledge(randomUUID(), dpo)).rejects.toThrow('Alert not found');
    });
  });
});
