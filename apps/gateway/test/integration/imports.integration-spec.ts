import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { HabilitationService } from '@spie/access/data-access';
import { IngestDeadLetterService } from '@spie/ingestion/data-access';
import type { AgentEntity } from '@spie/organisation/data-access';
import { EnvironmentVariables } from '@spie/platform/config';
import {
  buildAgentWithOrganisation,
  cafFluxBytes as flux,
  envelopeOf,
  startWorkerProcess,
  type WorkerProcess,
} from '@spie/shared/testing';

import { createTestGateway, type GraphQLResponse, type TestGateway } from '../support/test-gateway';

// Read by the gateway at boot: 1 MB is the smallest limit, small enough to test 413 with a modest body.
process.env['IMPORT_MAX_FILE_MB'] = '1';

const BATCH_FIELDS = /* GraphQL */ `
  id source fileName sha256 sizeBytes receivedAt receivedBy status referenceDate fluxType parsedAt completedAt
  progress { processed total estimatedTotal percent ratePerSecond etaSeconds elapsedSeconds }
  counts { personsCreated personsUpdated householdsCreated householdsUnchanged rejected conflicts stale skipped }
  error { code message }
`;

interface BatchOut {
  id: string;
  source: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  receivedBy: string;
  status: string;
  referenceDate: string | null;
  progress: {
    processed: number;
    total: number | null;
    percent: number | null;
    ratePerSecond: number | null;
    etaSeconds: number | null;
  };
  counts: Record<string, number>;
  error: { code: string; message: string } | null;
}

interface ConflictOut {
  id: string;
  batchId: string;
  reason: string;
  candidatePersonIds: string[];
  observed: { lastName: string | null; birthDate: string | null; hasNir: boolean };
  status: string;
  resolution: string | null;
  resolvedPersonId: string | null;
  resolvedBy: { id: string } | null;
  resolvedAt: string | null;
  comment: string | null;
}

const CONFLICT_FIELDS = /* GraphQL */ `
  id batchId reason candidatePersonIds status resolution resolvedPersonId resolvedAt comment
  observed { lastName firstNames birthDate sex role hasNir identifiers { system value } }
  resolvedBy { id }
`;

describe('imports: HTTP upload, GraphQL progress and report, identity review queue, queue dashboard', () => {
  let gateway: TestGateway;
  let worker: WorkerProcess;
  let connector: AgentEntity;
  let otherConnector: AgentEntity;
  let orientation: AgentEntity;
  let admin: AgentEntity;
  let adviser: AgentEntity;
  // Each run draws its own households so that runs and other test files never share a matricule.
  const offset = 20_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
  const base = { households: 20, seed: 7, departmentCode: '052', referenceDate: '2026-08-31' };

  beforeAll(async () => {
    gateway = await createTestGateway();
    worker = await startWorkerProcess();
    const agent = async (roles: string[]) =>
      (await buildAgentWithOrganisation(gateway.dataSource, { roles })).agent;
    [connector, otherConnector, orientation, admin, adviser] = await Promise.all([
      agent(['connector']),
      agent(['connector']),
      agent(['orientation']),
      agent(['admin']),
      agent(['adviser', 'referent']),
    ]);
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
    await gateway?.close();
  });

  const bearer = async (login: string) => ({ authorization: `Bearer ${await gateway.tokenFor(login)}` });

  async function upload(
    source: string,
    bytes: Buffer | null,
    options: { as?: string | null; fields?: Record<string, string>; fileName?: string } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) form.append(name, value);
    if (bytes) form.append('file', new Blob([bytes]), options.fileName ?? 'RSABEM.xml');
    const response = await fetch(`${gateway.url}/imports/${source}`, {
      method: 'POST',
      headers: options.as === null ? {} : await bearer(options.as ?? connector.login),
      body: form,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function batch(id: string, as = connector.login): Promise<BatchOut | null> {
    const response = await gateway.graphql<{ importBatch: BatchOut | null }>(
      `query($id: ID!) { importBatch(id: $id) { ${BATCH_FIELDS} } }`,
      { id },
      { as },
    );
    expect(response.errors).toBeUndefined();
    return response.data?.importBatch ?? null;
  }

  async function finished(id: string, as = connector.login): Promise<BatchOut> {
    for (let i = 0; i < 240; i += 1) {
      const current = await batch(id, as);
      if (current && ['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED'].includes(current.status))
        return current;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`batch ${id} did not finish`);
  }

  const codeOf = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.['code'];

  describe('POST /imports/:source', () => {
    it('should take a CAF flux as multipart, answer 202 with the batch, and process it to 100 %', async () => {
      const bytes = await flux({ ...base, matriculeOffset: offset });
      const { status, body } = await upload('caf-msa', bytes, { fields: { department: '052' } });
      expect(status).toBe(202);
      expect(body).toEqual({ batchId: expect.any(String), status: 'received', joined: false });

      const done = await finished(body['batchId'] as string);
      expect(done).toMatchObject({
        source: 'caf-msa',
        fileName: 'RSABEM.xml',
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sizeBytes: bytes.length,
        receivedBy: connector.login,
        status: 'COMPLETED',
        referenceDate: '2026-08-31',
        error: null,
      });
      expect(done.counts['householdsCreated']).toBe(20);
      expect(done.progress.percent).toBe(100);
      expect(done.progress.etaSeconds).toBe(0);
      expect(done.progress.total).toBeGreaterThanOrEqual(20);
      expect(done.progress.processed).toBe(done.progress.total);
      const [row] = (await gateway.dataSource.query(
        `SELECT options, received_by FROM import_batch WHERE id = $1`,
        [done.id],
      )) as Array<{ options: Record<string, string>; received_by: string }>;
      expect(row).toEqual({ options: { departmentCode: '052' }, received_by: connector.login });
    });

    it('should answer 401 with WWW-Authenticate when no token is given', async () => {
      const response = await fetch(`${gateway.url}/imports/caf-msa`, {
        method: 'POST',
        body: new FormData(),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    });

    it('should answer 403 to an account whose roles do not allow sending files', async () => {
      const { status, body } = await upload('caf-msa', Buffer.from('<x/>'), { as: adviser.login });
      expect(status).toBe(403);
      expect(body).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('should answer 404 with the known sources when the source is unknown', async () => {
      const { status, body } = await upload('caf', Buffer.from('<x/>'));
      expect(status).toBe(404);
      expect(body).toMatchObject({ code: 'UNKNOWN_SOURCE' });
      expect(body['sources']).toContain('caf-msa');
    });

    it('should answer 400 when the form has no file, or an option is malformed, and record no batch', async () => {
      const before = await batchCount(connector.login);
      const missing = await upload('caf-msa', null, { fields: { department: '052' } });
      expect(missing).toMatchObject({ status: 400, body: { code: 'FILE_MISSING' } });
      const invalid = await upload('department', Buffer.from('a;b\n'), { fields: { department: '5200' } });
      expect(invalid).toMatchObject({ status: 400, body: { code: 'INVALID_FIELD' } });
      expect(await batchCount(connector.login)).toBe(before);
    });

    it('should answer 413 to a file over IMPORT_MAX_FILE_MB, declared or streamed, and record no batch', async () => {
      const before = await batchCount(connector.login);
      const big = Buffer.alloc(Math.round(1.5 * 1024 * 1024), 'x');
      const declared = await upload('caf-msa', big);
      expect(declared).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE' } });

      // Chunked, without Content-Length: the limit is enforced while the bytes stream into the storage.
      const boundary = 'spie-413-boundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.xml"\r\n\r\n`,
      );
      const chunks = [head, ...Array.from({ length: 24 }, () => Buffer.alloc(64 * 1024, 'y'))];
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      const streamed = await fetch(`${gateway.url}/imports/caf-msa`, {
        method: 'POST',
        headers: {
          ...(await bearer(connector.login)),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(await streamed.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
      expect(await batchCount(connector.login)).toBe(before);
    });
  });

  async function batchCount(login: string): Promise<number> {
    const [row] = (await gateway.dataSource.query(
      `SELECT count(*)::int AS n FROM import_batch WHERE received_by = $1`,
      [login],
    )) as Array<{ n: number }>;
    return row.n;
  }

  describe('rights of the sender (habilitations, SOURCE_WRITES)', () => {
    const RIGHTS_FIELDS = `${BATCH_FIELDS} actingAs resumedBy resumedAt hold { code message heldAt }`;
    let caf: Awaited<ReturnType<typeof buildAgentWithOrganisation>>;
    let team: Awaited<ReturnType<typeof buildAgentWithOrganisation>>;

    beforeAll(async () => {
      caf = await buildAgentWithOrganisation(gateway.dataSource, { type: 'caf', roles: ['connector'] });
      team = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'department',
        roles: ['orientation'],
      });
    });

    const stored = (bytes: Buffer) => {
      const digest = createHash('sha256').update(bytes).digest('hex');
      const root = resolve(gateway.app.get(EnvironmentVariables).IMPORT_STORAGE_DIR);
      return existsSync(join(root, digest.slice(0, 2), digest));
    };

    async function batchAs(id: string, login: string): Promise<BatchOut & Record<string, unknown>> {
      const response = await gateway.graphql<{ importBatch: BatchOut & Record<string, unknown> }>(
        `query($id: ID!) { importBatch(id: $id) { ${RIGHTS_FIELDS} } }`,
        { id },
        { as: login },
      );
      expect(response.errors).toBeUndefined();
      return response.data?.importBatch as BatchOut & Record<string, unknown>;
    }

    async function settled(
      id: string,
      login: string,
      statuses: string[],
    ): Promise<BatchOut & Record<string, unknown>> {
      for (let i = 0; i < 240; i += 1) {
        const current = await batchAs(id, login);
        if (statuses.includes(current.status)) return current;
        await new Promise((done) => setTimeout(done, 250));
      }
      throw new Error(`batch ${id} never reached ${statuses.join(' or ')}`);
    }

    it('should refuse a CAF connector a France Travail file (403 IMPORT_NOT_HABILITATED) and store nothing', async () => {
      const bytes = Buffer.from(`identifiant_unique_de;nom\nft-${offset};MARTIN\n`);
      const before = await batchCount(caf.agent.login);
      const refused = await upload('france-travail-principal', bytes, {
        as: caf.agent.login,
        fileName: 'ft.csv',
      });
      expect(refused).toMatchObject({
        status: 403,
        body: {
          code: 'IMPORT_NOT_HABILITATED',
          reason: 'CATEGORIES_NOT_COVERED',
          missingCategories: ['orientation'],
          message: expect.stringContaining('france-travail-principal'),
        },
      });
      // Nor a department's list, although its habilitation writes what a list writes: not the CAF's to send.
      const list = await upload('department', Buffer.from(`Nom;Prénom\nMARTIN${offset};Léa\n`), {
        as: caf.agent.login,
        fileName: 'liste.csv',
      });
      expect(list).toMatchObject({ status: 403, body: { reason: 'NOT_A_SENDER_OF_SOURCE' } });
      expect(await batchCount(caf.agent.login)).toBe(before);
      expect(stored(bytes)).toBe(false);
    });

    it('should refuse an account whose habilitation was revoked, and an administrator, before reading the file', async () => {
      const revoked = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'caf',
        roles: ['connector'],
      });
      for (const row of await new HabilitationService(gateway.dataSource).list(revoked.organisation.id))
        await new HabilitationService(gateway.dataSource).revoke(row.id, 'test', 'convention dénoncée');
      const bytes = await flux({ ...base, households: 1, matriculeOffset: offset + 60_000 });
      expect(await upload('caf-msa', bytes, { as: revoked.agent.login })).toMatchObject({
        status: 403,
        body: { code: 'IMPORT_NOT_HABILITATED', reason: 'NO_HABILITATION' },
      });
      expect(await upload('caf-msa', bytes, { as: admin.login })).toMatchObject({
        status: 403,
        body: { code: 'FORBIDDEN' },
      });
      expect(stored(bytes)).toBe(false);
    });

    it('should process the CAF flux a CAF connector sends, acting for it under its transmission habilitation', async () => {
      const bytes = await flux({ ...base, households: 3, matriculeOffset: offset + 70_000 });
      const { status, body } = await upload('caf-msa', bytes, { as: caf.agent.login });
      expect(status).toBe(202);
      const done = await settled(body['batchId'] as string, caf.agent.login, ['COMPLETED', 'FAILED', 'HELD']);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        actingAs: caf.agent.login,
        hold: null,
        resumedBy: null,
      });
      expect(done.counts['householdsCreated']).toBe(3);
      const [row] = (await gateway.dataSource.query(
        `SELECT h.purpose, h.legal_basis FROM import_batch b JOIN habilitation h ON h.id = b.habilitation_id
          WHERE b.id = $1`,
        [done.id],
      )) as Array<{ purpose: string; legal_basis: string }>;
      expect(row).toEqual({ purpose: 'transmission_flux', legal_basis: 'casf-l262-40' });
    });

    it('should let the department orientation team send the CAF flux and its own lists', async () => {
      const cafFlux = await upload(
        'caf-msa',
        await flux({ ...base, households: 2, matriculeOffset: offset + 80_000 }),
        {
          as: team.agent.login,
        },
      );
      expect(cafFlux.status).toBe(202);
      expect(
        (await settled(cafFlux.body['batchId'] as string, team.agent.login, ['COMPLETED', 'HELD'])).status,
      ).toBe('COMPLETED');
      const list = await upload(
        'department',
        Buffer.from(
          `Identifiant dans le SI;Prénom;Nom;Date de naissance\nsi-${offset};Léa;LISTE${offset};14/03/1988\n`,
        ),
        { as: team.agent.login, fields: { department: '052' }, fileName: 'liste.csv' },
      );
      expect(list.status).toBe(202);
      expect(
        (await settled(list.body['batchId'] as string, team.agent.login, ['COMPLETED', 'HELD'])).status,
      ).toBe('COMPLETED');
    });

    it('should hold a batch whose sender lost its habilitation before its jobs ran, and resume it under a replaying account', async () => {
      const sender = await buildAgentWithOrganisation(gateway.dataSource, {
        type: 'caf',
        roles: ['connector'],
      });
      // No worker while the file is sent: the habilitation is revoked between the upload and the parse.
      await worker.stop();
      const bytes = await flux({ ...base, households: 4, matriculeOffset: offset + 90_000 });
      const { status, body } = await upload('caf-msa', bytes, { as: sender.agent.login });
      expect(status).toBe(202);
      const id = body['batchId'] as string;
      const habilitations = new HabilitationService(gateway.dataSource);
      for (const row of await habilitations.list(sender.organisation.id))
        await habilitations.revoke(row.id, 'test', 'convention dénoncée');
      worker = await startWorkerProcess();

      const held = await settled(id, sender.agent.login, ['HELD', 'COMPLETED', 'FAILED']);
      expect(held).toMatchObject({
        status: 'HELD',
        actingAs: sender.agent.login,
        hold: { code: 'STARTER_RIGHTS_REVOKED', message: expect.stringContaining('NO_HABILITATION') },
      });
      expect(held.counts['householdsCreated']).toBe(0);
      expect(stored(bytes)).toBe(true);
      // The orientation team sees it too.
      expect((await batchAs(id, orientation.login)).status).toBe('HELD');

      // The department's orientation team takes it over: it may send the CAF flux (CASF L.262-40).
      const deadLetters = gateway.app.get(IngestDeadLetterService);
      const replay = await deadLetters.replayBatch(id, envelopeOf(team.agent));
      expect(replay?.resumed).toEqual({ parse: true, chunks: 0 });
      const done = await settled(id, team.agent.login, ['COMPLETED', 'HELD', 'FAILED']);
      expect(done).toMatchObject({
        status: 'COMPLETED',
        actingAs: team.agent.login,
        resumedBy: team.agent.login,
        resumedAt: expect.any(String),
        hold: null,
      });
      expect(done.counts['householdsCreated']).toBe(4);
    });
  });

  describe('importBatch, importBatches and the report', () => {
    it('should list a connector’s own batches newest first, page by page, and hide them from another connector', async () => {
      const uploaded: string[] = [];
      for (const name of ['a.xml', 'b.xml', 'c.xml']) {
        // Files the parser refuses at once: quick batches, distinct by content.
        const { body } = await upload('caf-msa', Buffer.from(`<${name.replace('.', '')}/>`), {
          as: otherConnector.login,
          fileName: name,
        });
        uploaded.push(body['batchId'] as string);
      }
      const page = (after?: string) =>
        gateway.graphql<{
          importBatches: {
            edges: Array<{ cursor: string; node: { id: string; fileName: string } }>;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
            totalCount: number;
          };
        }>(
          `query($after: String) { importBatches(source: "caf-msa", first: 2, after: $after) {
             edges { cursor node { id fileName } } pageInfo { hasNextPage endCursor } totalCount } }`,
          { after },
          { as: otherConnector.login },
        );
      const first = await page();
      expect(first.errors).toBeUndefined();
      expect(first.data?.importBatches.totalCount).toBe(3);
      expect(first.data?.importBatches.edges.map((e) => e.node.fileName)).toEqual(['c.xml', 'b.xml']);
      expect(first.data?.importBatches.pageInfo.hasNextPage).toBe(true);
      const second = await page(first.data?.importBatches.pageInfo.endCursor ?? undefined);
      expect(second.data?.importBatches.edges.map((e) => e.node.id)).toEqual([uploaded[0]]);
      expect(second.data?.importBatches.pageInfo.hasNextPage).toBe(false);

      // Another connector does not see them; the orientation team does.
      expect(await batch(uploaded[0], connector.login)).toBeNull();
      expect((await batch(uploaded[0], orientation.login))?.id).toBe(uploaded[0]);
      const invalid = await gateway.graphql(
        `{ importBatches(after: "bogus") { totalCount } }`,
        {},
        {
          as: otherConnector.login,
        },
      );
      expect(codeOf(invalid)).toBe('BAD_USER_INPUT');
    });

    it('should report each refused record with its code, key and phase, never the NIR', async () => {
      const bytes = await flux({ ...base, households: 5, matriculeOffset: offset + 1_000 });
      const text = bytes.toString('latin1');
      const nir = /<NIR>(\d{13})<\/NIR>/.exec(text)?.[1] as string;
      const badNir = `${nir.slice(0, 12)}X`;
      const { body } = await upload('caf-msa', Buffer.from(text.replace(nir, badNir), 'latin1'));
      const done = await finished(body['batchId'] as string);
      expect(done.status).toBe('COMPLETED_WITH_ERRORS');
      expect(done.counts['rejected']).toBe(1);

      const response = await gateway.graphql<{
        importBatch: {
          report: {
            totalCount: number;
            edges: Array<{
              node: { position: number; recordKey: string; phase: string; code: string; severity: string };
            }>;
          };
          issueSummary: Array<{ code: string; severity: string; count: number }>;
        };
      }>(
        `query($id: ID!) { importBatch(id: $id) {
           report(first: 10, severity: ERROR) { totalCount edges { node { position recordKey phase severity code message field } } }
           issueSummary { code severity count } } }`,
        { id: done.id },
        { as: connector.login },
      );
      expect(response.errors).toBeUndefined();
      const report = response.data?.importBatch.report;
      expect(report?.totalCount).toBe(1);
      expect(report?.edges[0].node).toMatchObject({
        position: expect.any(Number),
        recordKey: expect.stringMatching(/^caf:\d{15}$/),
        phase: 'PARSE',
        severity: 'ERROR',
        code: 'INVALID_NIR',
      });
      expect(response.data?.importBatch.issueSummary).toContainEqual({
        code: 'INVALID_NIR',
        severity: 'ERROR',
        count: 1,
      });
      expect(JSON.stringify(response)).not.toContain(badNir);
      expect(JSON.stringify(response)).not.toContain(nir);
    });

    it('should estimate the total of a file still being read from the usual record size of its source', async () => {
      // Twenty finished batches of 100 bytes a record, the most recent of their source whatever else runs, and one
      // batch halfway through reading a 50 000-byte file.
      const source = 'france-travail-diagnostic';
      const insert = (values: string) =>
        gateway.dataSource.query(
          `INSERT INTO import_batch (source, status, file_name, file_hash, file_size, storage_path, received_by,
                                     records_read, records_processed, started_at, parsed_at, completed_at)
           VALUES ${values} RETURNING id`,
          [source, otherConnector.login],
        ) as Promise<Array<{ id: string }>>;
      const finishedRows = await insert(
        Array.from(
          { length: 20 },
          (_, i) =>
            `($1, 'completed', 'done-${i}.json', md5('${offset}-${i}'), 1000, 'x', $2, 10, 10,
              now() + interval '1 day', now() + interval '1 day', now() + interval '1 day' + interval '${i} second')`,
        ).join(', '),
      );
      const [reading] = await insert(
        `($1, 'processing', 'reading.json', md5('${offset}-reading'), 50000, 'x', $2, 100, 50, now() - interval '10 second', NULL, NULL)`,
      );
      try {
        const progress = (await batch(reading.id, otherConnector.login))?.progress as BatchOut['progress'] & {
          estimatedTotal: number | null;
        };
        expect(progress).toMatchObject({ processed: 50, total: null, estimatedTotal: 500, percent: 10 });
        expect(progress.etaSeconds).toBeGreaterThanOrEqual(80);
        expect(progress.etaSeconds).toBeLessThanOrEqual(100);
      } finally {
        await gateway.dataSource.query(`DELETE FROM import_batch WHERE id = ANY($1::uuid[])`, [
          [...finishedRows, reading].map((row) => row.id),
        ]);
      }
    });

    it('should refuse the import queries to a role without import rights, and to an anonymous call', async () => {
      const asAdviser = await gateway.graphql(`{ importBatches { totalCount } }`, {}, { as: adviser.login });
      expect(codeOf(asAdviser)).toBe('FORBIDDEN');
      const anonymous = await gateway.graphql(`{ importBatches { totalCount } }`, {}, { as: null });
      expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    });
  });

  describe('identity review queue', () => {
    let conflict: ConflictOut;
    let batchId: string;
    let nirs: string[];

    beforeAll(async () => {
      // The same household sent again under another matricule, with the first person's NIR changed: a conflict.
      // A household whose first NIR is all digits (the generator also draws people without a NIR and Corsican NIRs).
      let bytes: Buffer = Buffer.alloc(0);
      let nir: string | undefined;
      for (let seed = base.seed; nir === undefined; seed++) {
        bytes = await flux({ ...base, seed, households: 1, matriculeOffset: offset + 9_000 });
        nir = /<NIR>(\d{13})<\/NIR>/.exec(bytes.toString('latin1'))?.[1];
      }
      await finished((await upload('caf-msa', bytes)).body['batchId'] as string);
      const text = bytes.toString('latin1');
      const otherNir = `${nir.slice(0, 10)}${String((Number(nir.slice(10)) + 1) % 1000).padStart(3, '0')}`;
      nirs = [nir, otherNir];
      const twin = text
        .replace(
          /<MATRICULE>(\d+)<\/MATRICULE>/,
          (_m, value: string) =>
            `<MATRICULE>${String(Number(value) + 1).padStart(value.length, '0')}</MATRICULE>`,
        )
        .replace(nir, otherNir);
      const done = await finished(
        (await upload('caf-msa', Buffer.from(twin, 'latin1'))).body['batchId'] as string,
      );
      expect(done.status).toBe('COMPLETED_WITH_ERRORS');
      expect(done.counts['conflicts']).toBeGreaterThanOrEqual(1);
      batchId = done.id;
    });

    it('should show the conflicts of a batch to the orientation team without any NIR, and not to a connector', async () => {
      const query = `query($id: ID!) { importBatch(id: $id) { conflicts(first: 10) { totalCount edges { node { ${CONFLICT_FIELDS} } } } } }`;
      const response = await gateway.graphql<{
        importBatch: { conflicts: { totalCount: number; edges: Array<{ node: ConflictOut }> } };
      }>(query, { id: batchId }, { as: orientation.login });
      expect(response.errors).toBeUndefined();
      const nodes = response.data?.importBatch.conflicts.edges.map((edge) => edge.node) ?? [];
      conflict = nodes.find((node) => node.reason === 'SAME_IDENTITY_OTHER_NIR') as ConflictOut;
      expect(conflict).toMatchObject({
        batchId,
        status: 'OPEN',
        resolution: null,
        resolvedBy: null,
        observed: { hasNir: true, lastName: expect.any(String), birthDate: expect.any(String) },
      });
      expect(conflict.candidatePersonIds).toHaveLength(1);
      for (const nir of nirs) expect(JSON.stringify(response)).not.toContain(nir);

      const asConnector = await gateway.graphql(query, { id: batchId }, { as: connector.login });
      expect(codeOf(asConnector)).toBe('FORBIDDEN');
    });

    it('should list the conflict in the open queue, for orientation and admin only', async () => {
      const queue = `{ identityConflicts(status: OPEN, first: 100) { totalCount edges { node { id } } } }`;
      const response = await gateway.graphql<{
        identityConflicts: { totalCount: number; edges: Array<{ node: { id: string } }> };
      }>(queue, {}, { as: admin.login });
      expect(response.errors).toBeUndefined();
      expect(response.data?.identityConflicts.totalCount).toBeGreaterThanOrEqual(1);
      const ids: string[] = [];
      let after: string | null = null;
      // Walk the whole queue: other test files may have opened conflicts too.
      for (;;) {
        const page: GraphQLResponse<{
          identityConflicts: {
            edges: Array<{ node: { id: string } }>;
            pageInfo: { hasNextPage: boolean; endCursor: string | null };
          };
        }> = await gateway.graphql(
          `query($after: String) { identityConflicts(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          { as: orientation.login },
        );
        ids.push(...(page.data?.identityConflicts.edges.map((edge) => edge.node.id) ?? []));
        if (!page.data?.identityConflicts.pageInfo.hasNextPage) break;
        after = page.data.identityConflicts.pageInfo.endCursor;
      }
      expect(ids).toContain(conflict.id);
      expect(codeOf(await gateway.graphql(queue, {}, { as: connector.login }))).toBe('FORBIDDEN');
    });

    it('should record who merged the record into the candidate and when, once', async () => {
      const mutation = `mutation($id: ID!, $resolution: IdentityConflictResolution!, $comment: String) {
        resolveIdentityConflict(id: $id, resolution: $resolution, comment: $comment) { ${CONFLICT_FIELDS} } }`;
      const variables = {
        id: conflict.id,
        resolution: 'MERGE_INTO_EXISTING',
        comment: 'Same person, NIR typo',
      };
      expect(codeOf(await gateway.graphql(mutation, variables, { as: connector.login }))).toBe('FORBIDDEN');

      const before = Date.now();
      const response = await gateway.graphql<{ resolveIdentityConflict: ConflictOut }>(mutation, variables, {
        as: orientation.login,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data?.resolveIdentityConflict).toMatchObject({
        id: conflict.id,
        status: 'RESOLVED',
        resolution: 'MERGE_INTO_EXISTING',
        resolvedPersonId: conflict.candidatePersonIds[0],
        resolvedBy: { id: orientation.id },
        comment: 'Same person, NIR typo',
      });
      expect(Date.parse(response.data?.resolveIdentityConflict.resolvedAt as string)).toBeGreaterThanOrEqual(
        before - 1000,
      );
      const [row] = (await gateway.dataSource.query(
        `SELECT status, resolved_by, resolved_person_id, resolution_note FROM identity_conflict WHERE id = $1`,
        [conflict.id],
      )) as Array<Record<string, string>>;
      expect(row).toEqual({
        status: 'linked',
        resolved_by: orientation.id,
        resolved_person_id: conflict.candidatePersonIds[0],
        resolution_note: 'Same person, NIR typo',
      });
      // Applied: the known person joins the household of the record, recorded by the agent; no one was created.
      const [membership] = (await gateway.dataSource.query(
        `SELECT count(*)::int AS n FROM household_member WHERE person_id = $1 AND valid_to IS NULL AND recorded_by = $2`,
        [conflict.candidatePersonIds[0], `agent:${orientation.id}`],
      )) as Array<{ n: number }>;
      expect(membership.n).toBe(1);
      const [created] = (await gateway.dataSource.query(
        `SELECT count(*)::int AS n FROM domain_event WHERE payload ->> 'identityConflictId' = $1`,
        [conflict.id],
      )) as Array<{ n: number }>;
      expect(created.n).toBe(0);

      const again = await gateway.graphql(
        mutation,
        { ...variables, resolution: 'REJECT' },
        { as: admin.login },
      );
      expect(codeOf(again)).toBe('CONFLICT');
      expect(again.errors?.[0]?.extensions?.['reason']).toBe('IDENTITY_CONFLICT_ALREADY_RESOLVED');
      const unknown = await gateway.graphql(
        mutation,
        { ...variables, id: '00000000-0000-4000-8000-000000000000' },
        { as: admin.login },
      );
      expect(codeOf(unknown)).toBe('NOT_FOUND');
    });
  });

  describe('queue dashboard', () => {
    it('should refuse /admin/queues without a token, and to accounts that are not administrators', async () => {
      expect((await fetch(`${gateway.url}/admin/queues`)).status).toBe(401);
      for (const agent of [adviser, orientation, connector]) {
        const response = await fetch(`${gateway.url}/admin/queues`, { headers: await bearer(agent.login) });
        expect(response.status).toBe(403);
      }
      const login = await fetch(
        `${gateway.url}/admin/login?token=${await gateway.tokenFor(orientation.login)}`,
        { redirect: 'manual' },
      );
      expect(login.status).toBe(403);
      expect(login.headers.get('set-cookie')).toBeNull();
    });

    it('should open the dashboard to an administrator by bearer token, or by the cookie /admin/login sets', async () => {
      const byBearer = await fetch(`${gateway.url}/admin/queues`, { headers: await bearer(admin.login) });
      expect(byBearer.status).toBe(200);
      expect(byBearer.headers.get('content-type')).toContain('text/html');

      const login = await fetch(`${gateway.url}/admin/login?token=${await gateway.tokenFor(admin.login)}`, {
        redirect: 'manual',
      });
      expect(login.status).toBe(303);
      expect(login.headers.get('location')).toBe('/admin/queues/');
      const setCookie = login.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^spie_admin=[^;]+; Path=\/admin; Max-Age=\d+; HttpOnly; SameSite=Strict/);
      const cookie = setCookie.split(';')[0];

      const api = await fetch(`${gateway.url}/admin/queues/api/queues`, { headers: { cookie } });
      expect(api.status).toBe(200);
      const { queues } = (await api.json()) as { queues: Array<{ name: string }> };
      expect(queues.map((queue) => queue.name)).toEqual(
        expect.arrayContaining(['ingest-caf-msa', 'parcours']),
      );

      // A change sent with the cookie from another site is refused.
      const crossSite = await fetch(`${gateway.url}/admin/queues/api/queues/ingest-caf-msa/pause`, {
        method: 'PUT',
        headers: { cookie, origin: 'http://elsewhere.example' },
      });
      expect(crossSite.status).toBe(403);
    });
  });
});
