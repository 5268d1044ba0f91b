import { timingSafeEqual } from 'node:crypto';
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  DossierMiloDto,
  EvenementMiloDto,
  GraviteeErrorBody,
  ImiloErrorBody,
  ImiloEventAction,
  ImiloEventType,
  RendezVousMiloDto,
} from './imilo.dto';

export interface ImiloSimulatorOptions {
  /** The only key the simulated Gravitee plan accepts. */
  apiKey: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Gravitee rate-limit policy: requests per second (fixed one-second windows). Absent: no limit. */
  rateLimitPerSecond?: number;
  /** Events returned by one `GET /operateurs/events`. Default 100. */
  eventPageSize?: number;
}

export interface SimulatedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  status: number;
  /** Whether the request carried the right key (the key itself is never recorded). */
  authorised: boolean;
  at: string;
}

export interface PushEventInput {
  idDossier: number | string;
  type: ImiloEventType;
  action: ImiloEventAction;
  /** The RDV or session instance id; null or absent for a dossier event. */
  idType?: number | string | null;
  /** ISO 8601; default now (to the second, UTC, as i-Milo writes it). */
  date?: string;
}

/** A local i-Milo (Gravitee gateway + operator API) over real HTTP, for tests and the local demo. */
export interface ImiloSimulator {
  /** `http://127.0.0.1:<port>`: the `baseUrl` of an `ImiloClient`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: readonly SimulatedRequest[];
  /** Creates or replaces a dossier (`GET /sue/dossiers/{idDossier}`). Does not push an event. */
  upsertDossier(dto: DossierMiloDto): void;
  /** The dossier then answers 404 (archived, transferred). */
  removeDossier(idDossier: number | string): boolean;
  dossiers(): DossierMiloDto[];
  /** Creates or replaces an appointment (`GET /operateurs/dossiers/{idDossier}/rdv/{id}`). Does not push an event. */
  putRdv(dto: RendezVousMiloDto): void;
  removeRdv(idDossier: number | string, idRdv: number | string): boolean;
  rdvs(): RendezVousMiloDto[];
  /** Appends an event to the queue; returns its `identifiant`. */
  pushEvent(input: PushEventInput): string;
  /**
   * The next `count` authorised requests fail with `status` (500, 502, 503, 504, 429…) before reaching the API.
   * `retryAfterSeconds` sets `Retry-After` (default 1 for a 429, none otherwise).
   */
  failNext(count: number, status: number, retryAfterSeconds?: number): void;
  /** The next `count` authorised requests wait `ms` before being answered (to exercise client timeouts). */
  delayNext(count: number, ms: number): void;
  /** Events acknowledged, in acknowledgement order. */
  acked(): EvenementMiloDto[];
  /** Events not acknowledged, oldest first: what `GET /operateurs/events` serves, page by page. */
  pending(): EvenementMiloDto[];
  close(): Promise<void>;
}

interface StoredEvent {
  dto: EvenementMiloDto;
  seq: number;
  ackedSeq: number | null;
}

/** Part of the event ids, which look like the MongoDB ObjectIds i-Milo sends (`63569521bdd5161673153f9f`). */
const OBJECT_ID_MIDDLE = '5e1d2a0c3b';

class ImiloSimulatorServer implements ImiloSimulator {
  readonly requests: SimulatedRequest[] = [];
  url = '';
  private readonly dossierStore = new Map<string, DossierMiloDto>();
  private readonly rdvStore = new Map<string, RendezVousMiloDto>();
  private readonly events: StoredEvent[] = [];
  private readonly failures: Array<{ status: number; retryAfterSeconds: number | null }> = [];
  private readonly delays: number[] = [];
  private readonly server: Server;
  private readonly key: Buffer;
  private readonly pageSize: number;
  private eventSeq = 0;
  private ackSeq = 0;
  private window = { start: 0, count: 0 };

  constructor(private readonly options: ImiloSimulatorOptions) {
    if (!options.apiKey) throw new Error('startImiloSimulator: apiKey is required');
    this.key = Buffer.from(options.apiKey);
    this.pageSize = options.eventPageSize ?? 100;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { message: 'Internal Server Error' });
        console.error('i-Milo simulator failed to answer', error);
      });
    });
  }

  async listen(): Promise<void> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 0, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://${host}:${port}`;
  }

  upsertDossier(dto: DossierMiloDto): void {
    this.dossierStore.set(String(dto.idDossier), structuredClone(dto));
  }

  removeDossier(idDossier: number | string): boolean {
    return this.dossierStore.delete(String(idDossier));
  }

  dossiers(): DossierMiloDto[] {
    return [...this.dossierStore.values()].map((dto) => structuredClone(dto));
  }

  putRdv(dto: RendezVousMiloDto): void {
    this.rdvStore.set(`${dto.idDossier}/${dto.id}`, structuredClone(dto));
  }

  removeRdv(idDossier: number | string, idRdv: number | string): boolean {
    return this.rdvStore.delete(`${idDossier}/${idRdv}`);
  }

  rdvs(): RendezVousMiloDto[] {
    return [...this.rdvStore.values()].map((dto) => structuredClone(dto));
  }

  pushEvent(input: PushEventInput): string {
    this.eventSeq += 1;
    const date = input.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const seconds = Math.floor((Date.parse(date) || Date.now()) / 1000);
    const identifiant = `${seconds.toString(16).padStart(8, '0').slice(-8)}${OBJECT_ID_MIDDLE}${this.eventSeq
      .toString(16)
      .padStart(6, '0')}`;
    this.events.push({
      seq: this.eventSeq,
      ackedSeq: null,
      dto: {
        identifiant,
        idDossier: input.idDossier,
        type: input.type,
        action: input.action,
        idType: input.idType ?? null,
        date,
      },
    });
    return identifiant;
  }

  failNext(count: number, status: number, retryAfterSeconds?: number): void {
    for (let i = 0; i < count; i += 1) {
      this.failures.push({ status, retryAfterSeconds: retryAfterSeconds ?? (status === 429 ? 1 : null) });
    }
  }

  delayNext(count: number, ms: number): void {
    for (let i = 0; i < count; i += 1) this.delays.push(ms);
  }

  acked(): EvenementMiloDto[] {
    return this.events
      .filter((e) => e.ackedSeq !== null)
      .sort((a, b) => (a.ackedSeq as number) - (b.ackedSeq as number))
      .map((e) => ({ ...e.dto }));
  }

  pending(): EvenementMiloDto[] {
    return this.events
      .filter((e) => e.ackedSeq === null)
      .sort((a, b) => Date.parse(a.dto.date) - Date.parse(b.dto.date) || a.seq - b.seq)
      .map((e) => ({ ...e.dto }));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _chunk of req) {
      // Drain the body: only the path matters.
    }
    const rawPath = req.url ?? '/';
    const method = req.method ?? 'GET';
    const entry: SimulatedRequest = {
      method,
      path: rawPath,
      status: 0,
      authorised: false,
      at: new Date().toISOString(),
    };
    this.requests.push(entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    // Gravitee: API key plan first.
    const key = req.headers['x-gravitee-api-key'];
    const given = Buffer.from(typeof key === 'string' ? key : '');
    entry.authorised = given.length === this.key.length && timingSafeEqual(given, this.key);
    if (!entry.authorised) {
      send<GraviteeErrorBody>(res, 401, { message: 'Unauthorized', http_status_code: 401 });
      return;
    }

    // Gravitee: rate-limit policy.
    if (this.options.rateLimitPerSecond && this.options.rateLimitPerSecond > 0) {
      const limit = this.options.rateLimitPerSecond;
      const now = Date.now();
      const start = Math.floor(now / 1000) * 1000;
      if (this.window.start !== start) this.window = { start, count: 0 };
      this.window.count += 1;
      res.setHeader('X-Rate-Limit-Limit', String(limit));
      res.setHeader('X-Rate-Limit-Remaining', String(Math.max(0, limit - this.window.count)));
      res.setHeader('X-Rate-Limit-Reset', String(start + 1000));
      if (this.window.count > limit) {
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil((start + 1000 - now) / 1000))));
        send<GraviteeErrorBody>(res, 429, {
          message: `Rate limit exceeded ! You reach the limit of ${limit} requests per 1 seconds`,
          http_status_code: 429,
        });
        return;
      }
    }

    const delay = this.delays.shift();
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    if (req.socket.destroyed) return; // the client gave up (timeout)

    const failure = this.failures.shift();
    if (failure) {
      if (failure.retryAfterSeconds !== null) res.setHeader('Retry-After', String(failure.retryAfterSeconds));
      const message = STATUS_CODES[failure.status] ?? 'Error';
      if (failure.status === 500) send<ImiloErrorBody>(res, 500, { message });
      else send<GraviteeErrorBody>(res, failure.status, { message, http_status_code: failure.status });
      return;
    }

    this.route(method, rawPath, res);
  }

  private route(method: string, rawPath: string, res: ServerResponse): void {
    const pathname = rawPath.split('?')[0]?.replace(/\/+$/, '') ?? '';
    let segments: string[];
    try {
      segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      send<ImiloErrorBody>(res, 400, { message: 'Bad Request' });
      return;
    }
    const [a, b, c, d, e] = segments;
    const allow = (expected: string): boolean => {
      if (method === expected) return true;
      res.setHeader('Allow', expected);
      send<ImiloErrorBody>(res, 405, { message: 'Method Not Allowed' });
      return false;
    };

    if (segments.length === 2 && a === 'operateurs' && b === 'events') {
      if (allow('GET')) send(res, 200, this.pending().slice(0, this.pageSize));
      return;
    }
    if (segments.length === 4 && a === 'operateurs' && b === 'events' && d === 'ack' && c) {
      if (!allow('POST')) return;
      const event = this.events.find((ev) => ev.dto.identifiant === c);
      if (!event) {
        send<ImiloErrorBody>(res, 404, { message: 'Not Found' });
        return;
      }
      if (event.ackedSeq === null) event.ackedSeq = ++this.ackSeq;
      res.statusCode = 204;
      res.end();
      return;
    }
    if (segments.length === 3 && a === 'sue' && b === 'dossiers' && c) {
      if (!allow('GET')) return;
      const dossier = this.dossierStore.get(c);
      if (dossier) send(res, 200, dossier);
      else send<ImiloErrorBody>(res, 404, { message: 'Dossier introuvable' });
      return;
    }
    if (segments.length === 5 && a === 'operateurs' && b === 'dossiers' && d === 'rdv' && c && e) {
      if (!allow('GET')) return;
      const rdv = this.rdvStore.get(`${c}/${e}`);
      if (rdv) send(res, 200, rdv);
      else send<ImiloErrorBody>(res, 404, { message: 'Not Found' });
      return;
    }
    send<ImiloErrorBody>(res, 404, { message: 'Not Found' });
  }
}

function send<T>(res: ServerResponse, status: number, body: T): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** Starts a simulator on node:http; `close()` it at the end. */
export async function startImiloSimulator(options: ImiloSimulatorOptions): Promise<ImiloSimulator> {
  const simulator = new ImiloSimulatorServer(options);
  await simulator.listen();
  return simulator;
}
