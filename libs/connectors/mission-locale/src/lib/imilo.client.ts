import type {
  DossierMiloDto,
  EvenementMiloDto,
  ImiloEventAction,
  ImiloEventType,
  RendezVousMiloDto,
} from './imilo.dto';
import { IMILO_EVENT_ACTIONS, IMILO_EVENT_TYPES } from './imilo.dto';
import { ImiloError, type ImiloErrorCode } from './imilo.error';
import { validateDossierDto, validateEventDto, validateRdvDto, type Validated } from './imilo.validation';

export interface ImiloClientOptions {
  /** e.g. `https://api.i-milo.fr` or the simulator's `url`; a trailing slash is ignored. */
  baseUrl: string;
  /** The Gravitee key of the API product, sent as `X-Gravitee-Api-Key`. Never logged, never in an error. */
  apiKey: string;
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  /** Retries after the first attempt, for 429, 5xx, timeouts and network errors. Default 3. */
  maxRetries?: number;
  /** First backoff delay, doubled at each retry (with jitter). Default 250 ms. */
  baseDelayMs?: number;
  /** Cap of the backoff delay. Default 5 s. */
  maxDelayMs?: number;
  /**
   * Longest `Retry-After` the client waits for in-process. A longer one ends the call with a retryable `RATE_LIMITED`
   * error carrying `retryAfterMs`, so that the job is retried later instead of holding a worker. Default 30 s.
   */
  maxRetryAfterMs?: number;
  /**
   * Client-side throttle (requests per second, all calls of this client together). Off by default. pass-emploi
   * throttles each i-Milo endpoint family at 3 requests per second.
   */
  requestsPerSecond?: number;
  /** Value of the `operateur` header (pass-emploi sends `APPLICATION_CEJ`); not sent when unset. */
  operateur?: string;
  /** For tests. */
  fetch?: typeof fetch;
  /** For tests. */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: a number in [0, 1) for the backoff jitter. */
  random?: () => number;
}

/**
 * One event of the i-Milo queue, normalised. Events stay in the queue until acknowledged: `listEvents()` returns the
 * same ones again until `ack(id)`, so `id` is the natural deduplication key of the job that applies the event.
 */
export interface ImiloEvent {
  /** `identifiant`: the argument of `ack`. */
  id: string;
  idDossier: string | null;
  /** null when i-Milo sent a type this connector does not know (see `problems`). */
  type: ImiloEventType | null;
  action: ImiloEventAction | null;
  /** RDV or session instance id; null for dossier events. */
  idType: string | null;
  /** As i-Milo sent it (ISO 8601 UTC). */
  date: string | null;
  /**
   * Why the event cannot be applied (unknown type or action, missing dossier or object id). Such an event should be
   * recorded and acknowledged, as pass-emploi does with its `NON_TRAITABLE` events, or it would stay in the queue.
   */
  problems: string[];
}

type Method = 'GET' | 'POST';

const DEFAULTS = {
  timeoutMs: 10_000,
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Client of the i-Milo operator API (the calls the CEJ back end makes): the event queue, the dossier of a young person
 * and the detail of an appointment. Retries 429 (after `Retry-After`), 5xx, timeouts and network errors with
 * exponential backoff; validates every answer's structure; fails with `ImiloError`.
 */
export class ImiloClient {
  readonly #apiKey: string;
  readonly #baseUrl: string;
  readonly #options: Required<
    Pick<ImiloClientOptions, 'timeoutMs' | 'maxRetries' | 'baseDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>
  >;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #minIntervalMs: number;
  readonly #operateur: string | undefined;
  #nextSlot = 0;

  constructor(options: ImiloClientOptions) {
    if (!options.baseUrl) throw new Error('ImiloClient: baseUrl is required');
    if (!options.apiKey) throw new Error('ImiloClient: apiKey is required');
    this.#apiKey = options.apiKey;
    this.#baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#options = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxRetries: Math.max(0, options.maxRetries ?? DEFAULTS.maxRetries),
      baseDelayMs: options.baseDelayMs ?? DEFAULTS.baseDelayMs,
      maxDelayMs: options.maxDelayMs ?? DEFAULTS.maxDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    };
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
    this.#minIntervalMs =
      options.requestsPerSecond && options.requestsPerSecond > 0 ? 1000 / options.requestsPerSecond : 0;
    this.#operateur = options.operateur;
  }

  /** The base URL (no key): for logs. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /**
   * The pending events, oldest first (i-Milo returns at most a page of them, 100 in the simulator). An item without
   * `identifiant`, or an answer that is not an array, fails the whole call with `INVALID_RESPONSE`.
   */
  async listEvents(): Promise<ImiloEvent[]> {
    const request = 'GET /operateurs/events';
    const response = await this.call('GET', '/operateurs/events', request, false);
    const body = response?.body;
    if (!Array.isArray(body)) {
      throw invalid(request, [`$: expected an array of events, got ${body === null ? 'null' : typeof body}`]);
    }
    const events: ImiloEvent[] = [];
    const fatal: string[] = [];
    body.forEach((item, index) => {
      const checked = validateEventDto(item, `$[${index}]`);
      if (checked.identifiant === null) {
        fatal.push(...(checked.ok ? [] : checked.problems));
        return;
      }
      events.push(toEvent(checked, item));
    });
    if (fatal.length > 0) throw invalid(request, fatal);
    return events;
  }

  /** Removes the event from the queue. Acknowledging twice is harmless; an unknown id is a `NOT_FOUND` error. */
  async ack(eventId: string): Promise<void> {
    const path = `/operateurs/events/${segment(eventId, 'eventId')}/ack`;
    await this.call('POST', path, `POST ${path}`, false);
  }

  /** The dossier, or null when i-Milo does not know it (404: deleted, archived or another structure's). */
  async getDossier(idDossier: string | number): Promise<DossierMiloDto | null> {
    const path = `/sue/dossiers/${segment(idDossier, 'idDossier')}`;
    const request = `GET ${path}`;
    const response = await this.call('GET', path, request, true);
    if (response === null) return null;
    const dto = checked(request, 'DossierMiloDto', validateDossierDto(response.body));
    if (String(dto.idDossier) !== String(idDossier).trim()) {
      throw invalid(request, ['$.idDossier: expected the dossier that was asked for, got another one']);
    }
    return dto;
  }

  /** The appointment, or null when it no longer exists (404: deleted in i-Milo). */
  async getRdv(idDossier: string | number, idRdv: string | number): Promise<RendezVousMiloDto | null> {
    const path = `/operateurs/dossiers/${segment(idDossier, 'idDossier')}/rdv/${segment(idRdv, 'idRdv')}`;
    const request = `GET ${path}`;
    const response = await this.call('GET', path, request, true);
    if (response === null) return null;
    const dto = checked(request, 'RendezVousMiloDto', validateRdvDto(response.body));
    const problems: string[] = [];
    if (String(dto.id) !== String(idRdv).trim())
      problems.push('$.id: expected the appointment that was asked for');
    if (String(dto.idDossier) !== String(idDossier).trim()) {
      problems.push('$.idDossier: expected the dossier that was asked for');
    }
    if (problems.length > 0) throw invalid(request, problems);
    return dto;
  }

  /**
   * One call with its retries. Returns the parsed body of a 2xx (undefined when empty), null for a 404 when
   * `notFoundIsNull`, and throws `ImiloError` otherwise.
   */
  private async call(
    method: Method,
    path: string,
    request: string,
    notFoundIsNull: boolean,
  ): Promise<{ status: number; body: unknown } | null> {
    const { maxRetries, timeoutMs, maxRetryAfterMs } = this.#options;
    for (let attempt = 0; ; attempt += 1) {
      const canRetry = attempt < maxRetries;
      await this.throttle();
      let response: Response;
      let text: string;
      try {
        response = await this.#fetch(`${this.#baseUrl}${path}`, {
          method,
          headers: this.headers(method),
          body: method === 'POST' ? '{}' : undefined,
          signal: AbortSignal.timeout(timeoutMs),
        });
        // Inside the try: the timeout also covers a body that stops half-way.
        text = await response.text();
      } catch (error) {
        const timedOut = isTimeout(error);
        if (canRetry) {
          await this.#sleep(this.backoff(attempt));
          continue;
        }
        throw new ImiloError(
          timedOut ? 'TIMEOUT' : 'NETWORK',
          timedOut
            ? `i-Milo did not answer ${request} within ${timeoutMs} ms (${attempt + 1} attempts)`
            : `i-Milo unreachable for ${request} (${networkCause(error)}, ${attempt + 1} attempts)`,
          { request },
        );
      }

      const { status } = response;
      if (status >= 200 && status < 300) {
        if (text.trim() === '') return { status, body: undefined };
        try {
          return { status, body: JSON.parse(text) as unknown };
        } catch {
          throw invalid(request, ['$: expected JSON, got text that does not parse']);
        }
      }
      if (status === 404 && notFoundIsNull) return null;

      const upstream = upstreamError(text, this.#apiKey);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      if (status === 429 || status >= 500) {
        const wait = retryAfterMs ?? this.backoff(attempt);
        if (canRetry && wait <= maxRetryAfterMs) {
          await this.#sleep(wait);
          continue;
        }
        const code: ImiloErrorCode = status === 429 ? 'RATE_LIMITED' : 'SERVER_ERROR';
        throw new ImiloError(code, `i-Milo answered ${status} to ${request} (${attempt + 1} attempts)`, {
          request,
          status,
          retryAfterMs,
          ...upstream,
        });
      }
      const code: ImiloErrorCode =
        status === 401 || status === 403 ? 'UNAUTHORIZED' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
      throw new ImiloError(code, `i-Milo answered ${status} to ${request}`, { request, status, ...upstream });
    }
  }

  private headers(method: Method): Record<string, string> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'X-Gravitee-Api-Key': this.#apiKey,
    };
    if (method === 'POST') headers['Content-Type'] = 'application/json';
    if (this.#operateur) headers['operateur'] = this.#operateur;
    return headers;
  }

  /** Exponential backoff with "equal jitter": between half and all of base·2^attempt, capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.#options.maxDelayMs, this.#options.baseDelayMs * 2 ** attempt);
    return Math.round(ceiling / 2 + (this.#random() * ceiling) / 2);
  }

  private async throttle(): Promise<void> {
    if (this.#minIntervalMs === 0) return;
    const now = Date.now();
    const slot = Math.max(now, this.#nextSlot);
    this.#nextSlot = slot + this.#minIntervalMs;
    if (slot > now) await this.#sleep(slot - now);
  }
}

function toEvent(
  checked: Validated<EvenementMiloDto> & { identifiant: string | null },
  raw: unknown,
): ImiloEvent {
  const problems = checked.ok ? [] : [...checked.problems];
  const source = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const text = (value: unknown): string | null =>
    typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  const rawType = text(source['type']);
  const rawAction = text(source['action']);
  const type = (IMILO_EVENT_TYPES as readonly string[]).includes(rawType ?? '')
    ? (rawType as ImiloEventType)
    : null;
  const action = (IMILO_EVENT_ACTIONS as readonly string[]).includes(rawAction ?? '')
    ? (rawAction as ImiloEventAction)
    : null;
  if (rawType !== null && type === null)
    problems.push(`type: unknown value ${JSON.stringify(rawType.slice(0, 40))}`);
  if (rawAction !== null && action === null) {
    problems.push(`action: unknown value ${JSON.stringify(rawAction.slice(0, 40))}`);
  }
  const idDossier = text(source['idDossier'])?.trim() || null;
  const idType = text(source['idType'])?.trim() || null;
  if (
    (type === 'RDV' || type === 'SESSION') &&
    idType === null &&
    !problems.some((p) => p.includes('idType'))
  ) {
    problems.push(`idType: expected the id of the ${type}, got nothing`);
  }
  return {
    id: (checked.identifiant as string).trim(),
    idDossier,
    type,
    action,
    idType,
    date: text(source['date']),
    problems,
  };
}

function checked<T>(request: string, what: string, result: Validated<T>): T {
  if (result.ok) return result.value;
  throw invalid(request, result.problems, what);
}

function invalid(request: string, problems: string[], what = 'answer'): ImiloError {
  const shown =
    problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');
  return new ImiloError('INVALID_RESPONSE', `Malformed ${what} from i-Milo for ${request}: ${shown}`, {
    request,
    status: 200,
    problems,
  });
}

function segment(value: string | number, name: string): string {
  const text = String(value).trim();
  if (text === '') throw new Error(`ImiloClient: ${name} is empty`);
  return encodeURIComponent(text);
}

/** `message`/`code` of an i-Milo or Gravitee error body, truncated, with the API key masked should it be echoed. */
function upstreamError(
  text: string,
  apiKey: string,
): { upstreamMessage: string | null; upstreamCode: string | null } {
  const mask = (value: string): string => value.split(apiKey).join('[api key]').slice(0, 300);
  let message: string | null = null;
  let code: string | null = null;
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null) {
      const record = body as Record<string, unknown>;
      if (typeof record['message'] === 'string') message = record['message'];
      if (typeof record['code'] === 'string') code = record['code'];
    }
  } catch {
    message = text.trim() === '' ? null : text.trim();
  }
  return {
    upstreamMessage: message === null ? null : mask(message),
    upstreamCode: code === null ? null : mask(code),
  };
}

/** `Retry-After`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}

/** Duck-typed: errors from `fetch` may come from another realm (jest, vm), where `instanceof Error` is false. */
function errorName(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const name = (error as { name?: unknown }).name;
  return typeof name === 'string' ? name : null;
}

function isTimeout(error: unknown): boolean {
  const name = errorName(error);
  return name === 'TimeoutError' || name === 'AbortError';
}

/** A system error code (`ECONNREFUSED`, `ENOTFOUND`…) from the error or its cause, else the error's name. */
function networkCause(error: unknown): string {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
  }
  return errorName(error) ?? 'unknown error';
}
