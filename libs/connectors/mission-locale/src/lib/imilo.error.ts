import { CustomException } from '@spie/shared/kernel';

export const IMILO_ERROR_CODES = [
  /** 401/403: missing, wrong or revoked API key. Not retryable: fix the configuration. */
  'UNAUTHORIZED',
  /** 404 where the caller did not ask for `null` (ack of an unknown event, unknown route). */
  'NOT_FOUND',
  /** 400, 405, 409, 422…: the request itself is wrong. Not retryable. */
  'BAD_REQUEST',
  /** 429 still there after the retries, or a `Retry-After` longer than the client accepts to wait. Retryable later. */
  'RATE_LIMITED',
  /** 5xx still there after the retries. Retryable later. */
  'SERVER_ERROR',
  /** No answer within `timeoutMs` on the last attempt. Retryable later. */
  'TIMEOUT',
  /** Connection refused/reset, DNS… on the last attempt. Retryable later. */
  'NETWORK',
  /** A 2xx whose body is not the expected JSON shape (malformed DTO, another dossier's data). Not retryable. */
  'INVALID_RESPONSE',
] as const;

export type ImiloErrorCode = (typeof IMILO_ERROR_CODES)[number];

const RETRYABLE: ReadonlySet<ImiloErrorCode> = new Set([
  'RATE_LIMITED',
  'SERVER_ERROR',
  'TIMEOUT',
  'NETWORK',
]);

/**
 * A failed i-Milo call. The message names the method and the path (never the API key, never personal data); the
 * i-Milo message, when there is one, is kept apart in `upstreamMessage`. A job handler should fail at once
 * (`UnrecoverableError`) when `retryable` is false and let the queue retry otherwise, waiting at least `retryAfterMs`.
 */
export class ImiloError extends CustomException<ImiloErrorCode> {
  /** HTTP status, null when no response came (timeout, network). */
  readonly status: number | null;
  readonly retryable: boolean;
  /** From `Retry-After` on a 429/503: how long i-Milo asked us to wait. */
  readonly retryAfterMs: number | null;
  /** `message` (and `code`) of the i-Milo or Gravitee error body, truncated. */
  readonly upstreamMessage: string | null;
  readonly upstreamCode: string | null;
  /** `GET /sue/dossiers/123`: the call, without host or key. */
  readonly request: string;
  /** Problems found by the structural validation (`INVALID_RESPONSE` only): JSON paths and expectations, no values. */
  readonly problems: readonly string[];

  constructor(
    code: ImiloErrorCode,
    message: string,
    init: {
      request: string;
      status?: number | null;
      retryAfterMs?: number | null;
      upstreamMessage?: string | null;
      upstreamCode?: string | null;
      problems?: readonly string[];
    },
  ) {
    super(code, message, { request: init.request, status: init.status ?? null });
    this.status = init.status ?? null;
    this.retryable = RETRYABLE.has(code);
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.upstreamMessage = init.upstreamMessage ?? null;
    this.upstreamCode = init.upstreamCode ?? null;
    this.request = init.request;
    this.problems = init.problems ?? [];
  }
}

export function isImiloError(value: unknown): value is ImiloError {
  return value instanceof ImiloError;
}
