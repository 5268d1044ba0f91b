import type { Actor } from '@spie/shared/kernel';

/** Whose budget a request spends: the authenticated actor's, or its IP address's when it carries no token. */
export type RateLimitSubject = { kind: 'actor'; key: string } | { kind: 'anonymous'; key: string };

/**
 * The budget of a request. An actor keeps one budget whatever address it calls from (a NAT or a partner's proxy
 * puts many agents behind one address); a call without an actor spends the budget of its address.
 */
export function rateLimitSubject(actor: Actor | undefined, address: string | undefined): RateLimitSubject {
  if (actor) return { kind: 'actor', key: `${actor.kind}:${actor.id}` };
  return { kind: 'anonymous', key: `ip:${address ?? 'unknown'}` };
}
