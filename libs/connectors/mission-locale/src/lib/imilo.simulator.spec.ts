import { imiloDossierFixture, imiloRdvFixture } from './imilo.fixtures';
import { startImiloSimulator, type ImiloSimulator } from './imilo.simulator';

const API_KEY = 'simulator-key';

describe('i-Milo simulator over HTTP', () => {
  let sim: ImiloSimulator;

  beforeEach(async () => {
    sim = await startImiloSimulator({ apiKey: API_KEY });
  });

  afterEach(async () => {
    await sim.close();
  });

  const get = (path: string, key: string | null = API_KEY): Promise<Response> =>
    fetch(`${sim.url}${path}`, { headers: key === null ? {} : { 'X-Gravitee-Api-Key': key } });

  const post = (path: string): Promise<Response> =>
    fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'X-Gravitee-Api-Key': API_KEY }, body: '{}' });

  it('should answer 401 with a Gravitee body when the key is missing or wrong', async () => {
    for (const key of [null, 'nope']) {
      const response = await get('/operateurs/events', key);
      expect(response.status).toBe(401);
      await expect(response.json()).resolves.toEqual({ message: 'Unauthorized', http_status_code: 401 });
    }
    expect(sim.requests.map((r) => [r.status, r.authorised])).toEqual([
      [401, false],
      [401, false],
    ]);
  });

  it('should serve a dossier as JSON and 404 with an i-Milo body when unknown', async () => {
    sim.upsertDossier(imiloDossierFixture());

    const found = await get('/sue/dossiers/6282');
    expect(found.status).toBe(200);
    expect(found.headers.get('content-type')).toContain('application/json');
    await expect(found.json()).resolves.toEqual(imiloDossierFixture());

    const missing = await get('/sue/dossiers/1');
    expect(missing.status).toBe(404);
    await expect(missing.json()).resolves.toEqual({ message: 'Dossier introuvable' });

    sim.removeDossier(6282);
    expect((await get('/sue/dossiers/6282')).status).toBe(404);
  });

  it('should serve an appointment only under its own dossier', async () => {
    sim.putRdv(imiloRdvFixture());
    expect((await get('/operateurs/dossiers/6282/rdv/5678')).status).toBe(200);
    expect((await get('/operateurs/dossiers/1/rdv/5678')).status).toBe(404);
  });

  it('should acknowledge with 204, idempotently, and 404 an unknown event', async () => {
    const id = sim.pushEvent({ idDossier: 6282, type: 'DOSSIER', action: 'UPDATE' });
    const events = (await (await get('/operateurs/events')).json()) as Array<Record<string, unknown>>;
    expect(events).toEqual([
      {
        identifiant: id,
        idDossier: 6282,
        type: 'DOSSIER',
        action: 'UPDATE',
        idType: null,
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      },
    ]);

    expect((await post(`/operateurs/events/${id}/ack`)).status).toBe(204);
    expect((await post(`/operateurs/events/${id}/ack`)).status).toBe(204);
    expect((await post('/operateurs/events/ffffffffffffffffffffffff/ack')).status).toBe(404);
    await expect((await get('/operateurs/events')).json()).resolves.toEqual([]);
  });

  it('should answer 405 to a wrong method and 404 to an unknown route', async () => {
    const wrong = await post('/sue/dossiers/6282');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
    expect((await get('/operateurs/dossiers')).status).toBe(404);
  });

  it('should inject failures, then answer normally', async () => {
    sim.failNext(1, 503);
    sim.failNext(1, 429);
    const unavailable = await get('/operateurs/events');
    expect(unavailable.status).toBe(503);
    await expect(unavailable.json()).resolves.toEqual({
      message: 'Service Unavailable',
      http_status_code: 503,
    });
    const limited = await get('/operateurs/events');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await get('/operateurs/events')).status).toBe(200);
  });

  it('should apply the rate limit per one-second window with Gravitee headers and Retry-After', async () => {
    await sim.close();
    sim = await startImiloSimulator({ apiKey: API_KEY, rateLimitPerSecond: 2 });
    // Start at the beginning of a window so that the three calls fall in the same one.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));

    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 3; i += 1) {
      last = await get('/operateurs/events');
      statuses.push(last.status);
    }

    expect(statuses).toEqual([200, 200, 429]);
    expect(last?.headers.get('retry-after')).toBe('1');
    expect(last?.headers.get('x-rate-limit-limit')).toBe('2');
    expect(last?.headers.get('x-rate-limit-remaining')).toBe('0');
    await expect(last?.json()).resolves.toEqual({
      message: 'Rate limit exceeded ! You reach the limit of 2 requests per 1 seconds',
      http_status_code: 429,
    });
  });

  it('should keep its stored data apart from the objects given and returned', () => {
    const dossier = imiloDossierFixture();
    sim.upsertDossier(dossier);
    dossier.prenom = 'Changed';
    const [stored] = sim.dossiers();
    expect(stored?.prenom).toBe('Léa');
  });
});
