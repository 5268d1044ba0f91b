import { createHash } from 'node:crypto';

/**
 * Deterministic job id from a business key: enqueueing the same work twice is a no-op while the first is waiting.
 * BullMQ forbids `:` in custom ids, so parts are joined with `__` and long keys are hashed.
 */
export function deterministicJobId(...parts: Array<string | number>): string {
  const raw = parts.map(String).join('__');
  return raw.length <= 120 && !raw.includes(':') ? raw : createHash('sha256').update(raw).digest('hex');
}
