import { inspect } from 'node:util';
import { ImiloClient, parseRetryAfter, type ImiloClientOptions } from './imilo.client';
import type { DossierMiloDto } from './imilo.dto';
import { ImiloError } from './imilo.error';
import { imiloDossierFixture, imiloRdvFixture } from './imilo.fixtures';
import { startImiloSimulator, type ImiloSimulator } from './imilo.simulator';

const API_KEY = 'test-gravitee-key-3f9c2a';

describe('ImiloClient against the simulator', () => {
  let sim: ImiloSimulator;
  let waits: number[];

  beforeEach(async () => {
    sim = await startImiloSimulator({ apiKey: API_KEY });
    waits = [];
  });

  afterEach(async () => {
    await sim.close();
  });

  /** A client whose waits are recorded (and really slept, shortened for backoff delays). */
  function client(options: Partial<ImiloClientOptions> = {}): ImiloClient {
    return new ImiloClient({
      baseUrl: sim.url,
      apiKey: API_KEY,
      baseDelayMs: 5,
      maxDelayMs: 20,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
      ...options,
    });
  }

  async function failure(promise: Promise<unknown>): Promise<ImiloError> {
    try {
      await promise;
    } catch (error) {
      if (error instanceof ImiloError) return error;
      throw error;
    }
    throw new Error('expected an ImiloError');
  }

  describe('authentication', () => {
    it('should fail at once with UNAUTHORIZED on a wrong key, without retrying and without leaking the key', async () => {
      const wrongKey = 'wrong-key-0000-secret';
      sim.upsertDossier(imiloDossierFixture());
      const bad = client({ apiKey: wrongKey });

      const error = await failure(bad.getDossier(6282));

      expect(error.code).toBe('UNAUTHORIZED');
      expect(error.status).toBe(401);
      expect(error.retryable).toBe(false);
      expect(error.upstreamMessage).toBe('Unauthorized');
      expect(sim.requests).toHaveLength(1);
      expect(sim.requests[0]).toMatchObject({ status: 401, authorised: false });
      const everything = `${error.message} ${JSON.stringify(error)} ${inspect(error)} ${inspect(bad)} ${error.stack}`;
      expect(everything).not.toContain(wrongKey);
      expect(JSON.stringify(sim.requests)).not.toContain(wrongKey);
    });
  });

  describe('getDossier', () => {
    it('should return the dossier i-Milo sends', async () => {
      const dossier = imiloDossierFixture();
      sim.upsertDossier(dossier);

      await expect(client().getDossier('6282')).resolves.toEqual(dossier);
      expect(sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
        'GET /sue/dossiers/6282 200',
      ]);
    });

    it('should return null on a 404', async () => {
      await expect(client().getDossier(999)).resolves.toBeNull();
      expect(sim.requests.map((r) => r.status)).toEqual([404]);
    });

    it('should reject a malformed DTO with INVALID_RESPONSE naming the paths, not the values', async () => {
      sim.upsertDossier({
        ...imiloDossierFixture(),
        nomNaissance: 42,
        accompagnementCEJ: { accompagnementCEJ: 'oui' },
        situations: [{ etat: 'EN_COURS' }],
      } as unknown as DossierMiloDto);

      const error = await failure(client().getDossier(6282));

      expect(error.code).toBe('INVALID_RESPONSE');
      expect(error.retryable).toBe(false);
      expect(error.problems).toEqual([
        '$.nomNaissance: expected a string or null, got a number',
        '$.accompagnementCEJ.accompagnementCEJ: expected a boolean, got a string',
        '$.situations[0].categorieSituation: expected a string, got nothing',
      ]);
      expect(error.message).toContain('Malformed DossierMiloDto from i-Milo for GET /sue/dossiers/6282');
      expect(error.message).not.toMatch(/oui|42/);
      expect(sim.requests).toHaveLength(1);
    });

    it('should refuse an answer about another dossier than the one asked for', async () => {
      const other = imiloDossierFixture({ idDossier: 7000 });
      const stub = new ImiloClient({
        baseUrl: 'http://imilo.test',
        apiKey: API_KEY,
        fetch: async () => new Response(JSON.stringify(other), { status: 200 }),
      });

      const error = await failure(stub.getDossier(6282));

      expect(error.code).toBe('INVALID_RESPONSE');
      expect(error.problems).toEqual([
        '$.idDossier: expected the dossier that was asked for, got another one',
      ]);
    });
  });

  describe('getRdv', () => {
    it('should return the appointment, and null when i-Milo no longer has it', async () => {
      const rdv = imiloRdvFixture();
      sim.putRdv(rdv);
      const imilo = client();

      await expect(imilo.getRdv(6282, 5678)).resolves.toEqual(rdv);
      await expect(imilo.getRdv('6282', '9999')).resolves.toBeNull();
      await expect(imilo.getRdv('7000', '5678')).resolves.toBeNull();
    });
  });

  describe('event queue', () => {
    it('should list pending events oldest first and forget an event once acknowledged', async () => {
      const later = sim.pushEvent({
        idDossier: 6282,
        type: 'RDV',
        action: 'UPDATE',
        idType: 5678,
        date: '2026-03-02T09:00:10Z',
      });
      const earlier = sim.pushEvent({
        idDossier: 6282,
        type: 'DOSSIER',
        action: 'CREATE',
        date: '2026-03-02T09:00:00Z',
      });
      const imilo = client();

      const events = await imilo.listEvents();

      expect(events).toEqual([
        {
          id: earlier,
          idDossier: '6282',
          type: 'DOSSIER',
          action: 'CREATE',
          idType: null,
          date: '2026-03-02T09:00:00Z',
          problems: [],
        },
        {
          id: later,
          idDossier: '6282',
          type: 'RDV',
          action: 'UPDATE',
          idType: '5678',
          date: '2026-03-02T09:00:10Z',
          problems: [],
        },
      ]);
      expect(earlier).toMatch(/^[0-9a-f]{24}$/);

      await imilo.ack(earlier);

      expect(sim.pending().map((e) => e.identifiant)).toEqual([later]);
      expect(sim.acked().map((e) => e.identifiant)).toEqual([earlier]);
      await expect(imilo.listEvents()).resolves.toEqual([expect.objectContaining({ id: later })]);
      await imilo.ack(earlier); // twice: harmless
      expect(sim.acked()).toHaveLength(1);
    });

    it('should serve at most 100 events per call, like a queue', async () => {
      for (let i = 0; i < 105; i += 1) {
        sim.pushEvent({
          idDossier: 1000 + i,
          type: 'DOSSIER',
          action: 'UPDATE',
          date: '2026-03-02T09:00:00Z',
        });
      }
      const imilo = client();

      const first = await imilo.listEvents();
      expect(first).toHaveLength(100);
      expect(first[0]?.idDossier).toBe('1000');
      for (const event of first) await imilo.ack(event.id);

      const rest = await imilo.listEvents();
      expect(rest.map((e) => e.idDossier)).toEqual(['1100', '1101', '1102', '1103', '1104']);
    });

    it('should fail with NOT_FOUND when acknowledging an unknown event', async () => {
      const error = await failure(client().ack('000000000000000000000000'));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.status).toBe(404);
      expect(error.retryable).toBe(false);
    });

    it('should flag events it cannot process instead of failing the whole list', async () => {
      const stub = new ImiloClient({
        baseUrl: 'http://imilo.test',
        apiKey: API_KEY,
        fetch: async () =>
          new Response(
            JSON.stringify([
              {
                identifiant: 'a1',
                idDossier: 1,
                type: 'PLOP',
                action: 'CREATE',
                idType: 3,
                date: '2026-01-01T00:00:00Z',
              },
              {
                identifiant: 'a2',
                idDossier: 1,
                type: 'RDV',
                action: 'DELETE',
                idType: null,
                date: '2026-01-01T00:00:00Z',
              },
            ]),
            { status: 200 },
          ),
      });

      const events = await stub.listEvents();

      expect(events.map((e) => [e.id, e.type, e.problems])).toEqual([
        ['a1', null, ['type: unknown value "PLOP"']],
        ['a2', 'RDV', ['idType: expected the id of the RDV, got nothing']],
      ]);
    });

    it('should fail the whole list when an event has no identifiant (it could never be acknowledged)', async () => {
      const stub = new ImiloClient({
        baseUrl: 'http://imilo.test',
        apiKey: API_KEY,
        fetch: async () => new Response(JSON.stringify([{ idDossier: 1, type: 'RDV' }]), { status: 200 }),
      });

      const error = await failure(stub.listEvents());

      expect(error.code).toBe('INVALID_RESPONSE');
      expect(error.problems).toContain('$[0].identifiant: expected a string, got nothing');
    });
  });

  describe('retries', () => {
    it('should retry a 503 with backoff, then succeed', async () => {
      sim.upsertDossier(imiloDossierFixture());
      sim.failNext(2, 503);

      await expect(client().getDossier(6282)).resolves.toMatchObject({ idDossier: 6282 });

      expect(sim.requests.map((r) => r.status)).toEqual([503, 503, 200]);
      expect(waits).toHaveLength(2);
      expect(waits[0]).toBeGreaterThanOrEqual(2);
      expect(waits[0]).toBeLessThanOrEqual(5);
      expect(waits[1]).toBeGreaterThanOrEqual(5);
      expect(waits[1]).toBeLessThanOrEqual(10);
    });

    it('should give up with a retryable SERVER_ERROR after maxRetries', async () => {
      sim.failNext(10, 500);

      const error = await failure(client({ maxRetries: 2 }).listEvents());

      expect(error.code).toBe('SERVER_ERROR');
      expect(error.status).toBe(500);
      expect(error.retryable).toBe(true);
      expect(sim.requests).toHaveLength(3);
    });

    it('should honour Retry-After on a 429 from the rate limit', async () => {
      await sim.close();
      sim = await startImiloSimulator({ apiKey: API_KEY, rateLimitPerSecond: 1 });
      sim.upsertDossier(imiloDossierFixture());
      const imilo = client();

      await imilo.getDossier(6282);
      const started = Date.now();
      await expect(imilo.getDossier(6282)).resolves.toMatchObject({ idDossier: 6282 });

      expect(sim.requests.map((r) => r.status)).toEqual([200, 429, 200]);
      expect(waits).toEqual([1000]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    });

    it('should not wait for a Retry-After longer than allowed: RATE_LIMITED with retryAfterMs for the queue', async () => {
      sim.failNext(1, 429, 120);

      const error = await failure(client({ maxRetryAfterMs: 30_000 }).listEvents());

      expect(error.code).toBe('RATE_LIMITED');
      expect(error.retryable).toBe(true);
      expect(error.retryAfterMs).toBe(120_000);
      expect(waits).toEqual([]);
      expect(sim.requests).toHaveLength(1);
    });

    it('should time out a slow answer and retry it', async () => {
      sim.delayNext(1, 1000);
      sim.upsertDossier(imiloDossierFixture());

      await expect(client({ timeoutMs: 250 }).getDossier(6282)).resolves.toMatchObject({ idDossier: 6282 });
      expect(sim.requests).toHaveLength(2);
    });

    it('should end with TIMEOUT when every attempt is too slow', async () => {
      sim.delayNext(2, 1000);

      const error = await failure(client({ timeoutMs: 150, maxRetries: 1 }).listEvents());

      expect(error.code).toBe('TIMEOUT');
      expect(error.status).toBeNull();
      expect(error.retryable).toBe(true);
    });

    it('should end with NETWORK when i-Milo cannot be reached', async () => {
      const url = sim.url;
      await sim.close();
      sim = await startImiloSimulator({ apiKey: API_KEY });

      const error = await failure(client({ baseUrl: url, maxRetries: 1 }).listEvents());

      expect(error.code).toBe('NETWORK');
      expect(error.message).toContain('ECONNREFUSED');
      expect(waits).toHaveLength(1);
    });
  });

  describe('throttle', () => {
    it('should space calls when requestsPerSecond is set', async () => {
      const imilo = client({ requestsPerSecond: 20 });
      const started = Date.now();

      await Promise.all([imilo.listEvents(), imilo.listEvents(), imilo.listEvents()]);

      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      expect(sim.requests).toHaveLength(3);
    });
  });
});

describe('parseRetryAfter', () => {
  it('should read seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
