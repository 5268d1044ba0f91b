import { Readable } from 'node:stream';

import {
  ImiloClient,
  imiloDossierFixture,
  startImiloSimulator,
  type ImiloSimulator,
} from '@spie/connectors/mission-locale';
import { IMILO_POLL_SCHEDULER, MissionLocalePollScheduler } from '@spie/ingestion/feature-jobs';
import { JobName, JobQueueService } from '@spie/platform/queue';
import { buildOrganisation } from '@spie/shared/testing';

import { randomLetters, startIngestHarness, type IngestHarness } from './ingest-harness';

const API_KEY = 'test-imilo-key';

/**
 * The i-Milo event feed of the local simulator through the real poll job, queues and worker: dossier events create or
 * update the young person and the CEJ the mission locale states; every event is acknowledged only once the
 * transaction that applied it committed, so an event whose dossier cannot be read stays in i-Milo's queue.
 */
describe('worker: i-Milo events from the simulator', () => {
  let simulator: ImiloSimulator;
  let harness: IngestHarness;
  const run = randomLetters(6);
  const structureCode = `ML${run}`;
  const digits = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  const dossierA = imiloDossierFixture({
    idDossier: Number(`9${digits()}`),
    numeroDE: `${run.slice(0, 3)}${digits()}`,
    nomNaissance: `MARTIN${run}`,
    nomUsage: `MARTIN${run}`,
    prenom: 'Léa',
    structureRattachement: {
      nomUsuel: 'Antenne de Langres',
      nomOfficiel: 'Mission locale Sud',
      codeStructure: structureCode,
    },
  });
  const dossierB = imiloDossierFixture({
    idDossier: Number(`8${digits()}`),
    numeroDE: `${run.slice(3, 6)}${digits()}`,
    nomNaissance: `BERGER${run}`,
    nomUsage: `BERGER${run}`,
    prenom: 'Noah',
    dateNaissance: '2006-01-20',
    accompagnementCEJ: {
      accompagnementCEJ: false,
      dateDebut: null,
      dateFinPrevue: null,
      dateFinReelle: null,
      premierAccompagnement: null,
    },
  });
  let missionLocaleId = '';

  const bootedAt = Date.now();

  beforeAll(async () => {
    simulator = await startImiloSimulator({ apiKey: API_KEY });
    harness = await startIngestHarness({
      redisDb: 7,
      env: { IMILO_URL: simulator.url, IMILO_API_KEY: API_KEY },
    });
    missionLocaleId = (
      await buildOrganisation(harness.dataSource, {
        type: 'mission_locale',
        name: `Mission locale ${run}`,
        structureCode,
      })
    ).id;
  });

  afterAll(async () => {
    await harness?.close();
    await simulator?.close();
  });

  async function personOf(idDossier: number | string): Promise<string | undefined> {
    const [row] = (await harness.dataSource.query(
      `SELECT person_id FROM person_identifier WHERE system = 'mission_locale_imilo' AND value = $1`,
      [String(idDossier)],
    )) as Array<{ person_id: string }>;
    return row?.person_id;
  }

  async function cejOf(personId: string): Promise<Array<Record<string, unknown>>> {
    return (await harness.dataSource.query(
      `SELECT partner, organisation_id, structure_code, structure_name, follow_up_structure, start_on::text,
              planned_end_on::text, end_on::text, superseded_at IS NULL AS current
         FROM partner_follow_up WHERE person_id = $1 AND kind = 'cej' ORDER BY recorded_at`,
      [personId],
    )) as Array<Record<string, unknown>>;
  }

  async function missionLocaleBatchAfter(since: Date): Promise<string> {
    for (let i = 0; i < 200; i += 1) {
      const [row] = (await harness.dataSource.query(
        `SELECT id FROM import_batch WHERE source = 'mission-locale' AND received_at >= $1 ORDER BY received_at DESC LIMIT 1`,
        [since],
      )) as Array<{ id: string }>;
      if (row) return row.id;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error('the poll made no batch');
  }

  it('applies dossier events through the poll job and acknowledges every event once applied', async () => {
    simulator.upsertDossier(dossierA);
    simulator.upsertDossier(dossierB);
    const created = simulator.pushEvent({ idDossier: dossierA.idDossier, type: 'DOSSIER', action: 'CREATE' });
    const updated = simulator.pushEvent({ idDossier: dossierB.idDossier, type: 'DOSSIER', action: 'UPDATE' });
    const rdv = simulator.pushEvent({
      idDossier: dossierA.idDossier,
      type: 'RDV',
      action: 'CREATE',
      idType: 77,
    });
    const gone = simulator.pushEvent({ idDossier: 1, type: 'DOSSIER', action: 'CREATE' });

    const since = new Date(Date.now() - 1000);
    await harness.worker
      .get(JobQueueService, { strict: false })
      .enqueue(JobName.MissionLocalePoll, harness.envelopes['mission-locale']);
    const batch = await harness.finished(await missionLocaleBatchAfter(since));

    expect(batch.status).toBe('completed');
    expect(batch.recordsRead).toBe(4);
    expect(batch.counts).toMatchObject({ personsCreated: 2, followUpsCreated: 1, skipped: 2 });
    const issues = (await harness.issues(batch.id)).map((i) => [i.recordKey, i.severity, i.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [rdv, 'warning', 'INVALID_VALUE'],
        [gone, 'warning', 'UNKNOWN_PERSON'],
      ]),
    );
    expect(simulator.pending()).toEqual([]);
    expect(
      simulator
        .acked()
        .map((event) => event.identifiant)
        .sort(),
    ).toEqual([created, updated, rdv, gone].sort());

    // Each dossier event was acknowledged after its dossier was read (and applied in the transaction between).
    const requests = simulator.requests.map(
      (request) => `${request.method} ${request.path} ${request.status}`,
    );
    for (const [event, idDossier] of [
      [created, dossierA.idDossier],
      [updated, dossierB.idDossier],
    ] as const) {
      const read = requests.indexOf(`GET /sue/dossiers/${idDossier} 200`);
      const ack = requests.findIndex((line) => line.startsWith(`POST /operateurs/events/${event}/ack`));
      expect(read).toBeGreaterThan(-1);
      expect(ack).toBeGreaterThan(read);
    }

    const a = await personOf(dossierA.idDossier);
    expect(a).toBeDefined();
    expect(await personOf(dossierB.idDossier)).toBeDefined();
    expect(await cejOf(a as string)).toEqual([
      {
        partner: 'mission_locale',
        organisation_id: missionLocaleId,
        structure_code: structureCode,
        structure_name: 'Mission locale Sud',
        follow_up_structure: 'Antenne de Langres',
        start_on: '2026-01-05',
        planned_end_on: '2027-01-04',
        end_on: null,
        current: true,
      },
    ]);
  });

  it('leaves an event in the queue while its dossier cannot be read, and acknowledges it once applied', async () => {
    simulator.upsertDossier({
      ...dossierA,
      accompagnementCEJ: { ...dossierA.accompagnementCEJ!, dateFinReelle: '2026-06-30' },
    });
    const event = simulator.pushEvent({ idDossier: dossierA.idDossier, type: 'DOSSIER', action: 'UPDATE' });
    const events = await new ImiloClient({ baseUrl: simulator.url, apiKey: API_KEY }).listEvents();
    expect(events.map((e) => e.id)).toEqual([event]);
    // The next 8 requests fail: the first two attempts of the apply job (the client retries each call 3 times).
    simulator.failNext(8, 503);
    const { batch } = await harness.submission.submit({
      source: 'mission-locale',
      fileName: `imilo-events-${run}.json`,
      input: Readable.from([Buffer.from(JSON.stringify({ polledAt: new Date().toISOString(), events }))]),
      envelope: harness.envelopes['mission-locale'],
    });

    const failures = () => simulator.requests.filter((request) => request.status === 503).length;
    for (let i = 0; i < 200 && failures() < 4; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failures()).toBeGreaterThanOrEqual(4);
    // The first attempt failed: its transaction rolled back and the event was not acknowledged.
    expect(simulator.acked().map((e) => e.identifiant)).not.toContain(event);
    expect(simulator.pending().map((e) => e.identifiant)).toContain(event);

    const done = await harness.finished(batch.id);
    expect(done.status).toBe('completed');
    expect(done.counts).toMatchObject({ personsUnchanged: 1, followUpsUpdated: 1 });
    expect(simulator.pending()).toEqual([]);
    expect(simulator.acked().map((e) => e.identifiant)).toContain(event);
    const requests = simulator.requests.map(
      (request) => `${request.method} ${request.path} ${request.status}`,
    );
    expect(requests.filter((line) => line.endsWith(' 503'))).toEqual(
      Array.from({ length: 8 }, () => `GET /sue/dossiers/${dossierA.idDossier} 503`),
    );
    const lastRead = requests.lastIndexOf(`GET /sue/dossiers/${dossierA.idDossier} 200`);
    const ack = requests.findIndex((line) => line.startsWith(`POST /operateurs/events/${event}/ack`));
    expect(ack).toBeGreaterThan(lastRead);
    expect(lastRead).toBeGreaterThan(requests.lastIndexOf(`GET /sue/dossiers/${dossierA.idDossier} 503`));

    // The same identity and address read again is no change (no history row whose old and new values are equal).
    const personHistory = (await harness.dataSource.query(
      `SELECT field FROM person_history WHERE person_id = $1 ORDER BY recorded_at`,
      [await personOf(dossierA.idDossier)],
    )) as Array<{ field: string }>;
    expect(personHistory.map((row) => row.field)).toEqual(['created']);

    const history = await cejOf((await personOf(dossierA.idDossier)) as string);
    expect(history.map((row) => [row['end_on'], row['current']])).toEqual([
      [null, false],
      ['2026-06-30', true],
    ]);
  });

  it('should keep the appointments of RDV events, once each, updated then cancelled as i-Milo says', async () => {
    const personId = (await personOf(dossierA.idDossier)) as string;
    const client = new ImiloClient({ baseUrl: simulator.url, apiKey: API_KEY });
    const rdv = {
      id: 4242,
      idDossier: dossierA.idDossier,
      dateHeureDebut: '2026-12-02 09:30:00',
      dateHeureFin: '2026-12-02 10:00:00',
      objet: 'Point sur le CEJ',
      conseiller: 'Camille Durand',
      lieu: 'Antenne de Langres',
      type: 'Entretien individuel',
      statut: 'Planifié',
      commentaire: 'Ne pas garder ce commentaire',
    };
    const apply = async (name: string) => {
      const events = await client.listEvents();
      const { batch } = await harness.submission.submit({
        source: 'mission-locale',
        fileName: `imilo-${name}-${run}.json`,
        input: Readable.from([Buffer.from(JSON.stringify({ polledAt: new Date().toISOString(), events }))]),
        envelope: harness.envelopes['mission-locale'],
      });
      return harness.finished(batch.id);
    };
    const stored = async () =>
      (await harness.dataSource.query(
        `SELECT person_id, partner, external_id, organisation_id, starts_at, ends_at, kind, subject, place, with_whom,
                status, source, recorded_by
           FROM appointment WHERE partner = 'mission_locale' AND external_id = '4242'`,
      )) as Array<Record<string, unknown>>;

    simulator.putRdv(rdv);
    simulator.pushEvent({ idDossier: dossierA.idDossier, type: 'RDV', action: 'CREATE', idType: 4242 });
    const created = await apply('rdv-create');
    expect(created.counts).toMatchObject({ followUpsCreated: 1 });
    expect(await stored()).toEqual([
      {
        person_id: personId,
        partner: 'mission_locale',
        external_id: '4242',
        organisation_id: missionLocaleId,
        starts_at: new Date('2026-12-02T08:30:00.000Z'),
        ends_at: new Date('2026-12-02T09:00:00.000Z'),
        kind: 'Entretien individuel',
        subject: 'Point sur le CEJ',
        place: 'Antenne de Langres',
        with_whom: 'Camille Durand',
        status: 'planned',
        source: 'mission_locale',
        recorded_by: 'connector:mission-locale',
      },
    ]);

    // The same event replayed changes nothing; an update brings the new status.
    simulator.pushEvent({ idDossier: dossierA.idDossier, type: 'RDV', action: 'CREATE', idType: 4242 });
    expect((await apply('rdv-replay')).counts).toMatchObject({ followUpsUnchanged: 1 });
    simulator.putRdv({ ...rdv, statut: 'Présent' });
    simulator.pushEvent({ idDossier: dossierA.idDossier, type: 'RDV', action: 'UPDATE', idType: 4242 });
    expect((await apply('rdv-update')).counts).toMatchObject({ followUpsUpdated: 1 });
    expect((await stored())[0]).toMatchObject({ status: 'present' });

    simulator.removeRdv(dossierA.idDossier, 4242);
    simulator.pushEvent({ idDossier: dossierA.idDossier, type: 'RDV', action: 'DELETE', idType: 4242 });
    expect((await apply('rdv-delete')).counts).toMatchObject({ followUpsUpdated: 1 });
    expect(await stored()).toEqual([
      expect.objectContaining({ status: 'cancelled', place: 'Antenne de Langres' }),
    ]);
    expect(simulator.pending()).toEqual([]);
  });

  it('should schedule the i-Milo poll, once for the hub, every IMILO_POLL_INTERVAL_MS (first run after one interval)', async () => {
    const queue = harness.worker.get(JobQueueService, { strict: false }).queue(JobName.MissionLocalePoll);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.filter((s) => s.key === IMILO_POLL_SCHEDULER)).toEqual([
      expect.objectContaining({ key: IMILO_POLL_SCHEDULER, name: JobName.MissionLocalePoll, every: 900_000 }),
    ]);
    // The poll acts as the mission locale's technical account (IMILO_CONNECTOR_LOGIN), never as the system.
    const scheduled = await queue.getJobScheduler(IMILO_POLL_SCHEDULER);
    expect(scheduled?.template?.data).toMatchObject({ actor: harness.envelopes['mission-locale'].actor });
    // The first poll is one interval after the worker started, not at the next quarter hour of the clock.
    const next = schedulers.find((s) => s.key === IMILO_POLL_SCHEDULER)?.next ?? 0;
    expect(next).toBeGreaterThan(bootedAt + 900_000 - 60_000);
    // A second boot (another worker) upserts the same schedule rather than adding one.
    await harness.worker.get(MissionLocalePollScheduler, { strict: false }).onApplicationBootstrap();
    expect((await queue.getJobSchedulers()).filter((s) => s.key === IMILO_POLL_SCHEDULER)).toHaveLength(1);
  });
});
