import type { AccountKind, LocalAccount } from './local-account';
import {
  ACR_AGENT_TWO_FACTOR,
  ACR_ONE_FACTOR,
  ACR_PERSON_TWO_FACTOR,
  CLIENT_IDS,
  DEMO_ONE_TIME_CODE,
} from './local-oidc.constants';

/** Which kind of account a client signs in: agents for the console, people for the portal, nobody for others. */
export function kindOfClient(clientId: string | undefined): AccountKind | undefined {
  if (clientId === CLIENT_IDS.agent) return 'agent';
  if (clientId === CLIENT_IDS.person) return 'person';
  return undefined;
}

/** The `acr` of a sign-in: one factor (`eidas1`), or the two-factor value of the kind's real issuer. */
export function acrFor(kind: AccountKind, twoFactor: boolean): string {
  if (!twoFactor) return ACR_ONE_FACTOR;
  return kind === 'agent' ? ACR_AGENT_TWO_FACTOR : ACR_PERSON_TWO_FACTOR;
}

/** What the optional one-time code field says: nothing typed, the demo code, or a wrong code. */
export function oneTimeCodeOutcome(typed: string | undefined): 'none' | 'valid' | 'invalid' {
  const code = (typed ?? '').replace(/\s+/g, '');
  if (!code) return 'none';
  return code === DEMO_ONE_TIME_CODE ? 'valid' : 'invalid';
}

/**
 * The claims of an account, `sub` first (the login), limited to the scopes granted when they are given (each scope
 * names the one claim it releases, as ProConnect and FranceConnect do).
 */
export function claimsOf(account: LocalAccount, grantedScopes?: string): Record<string, string> {
  const granted = grantedScopes === undefined ? undefined : new Set(grantedScopes.split(' '));
  const claims: Record<string, string> = { sub: account.login };
  for (const [name, value] of Object.entries(account.claims)) {
    if (typeof value !== 'string') continue;
    if (granted && !granted.has(name)) continue;
    claims[name] = value;
  }
  return claims;
}

/** Access token lifetimes the local provider accepts on request (`spie_ttl`, seconds): 1 second to 1 day. */
export const TOKEN_TTL_RANGE = { min: 1, max: 86_400, default: 3_600 } as const;

/** The lifetime asked for in a token request, or the default when none (or a value out of range) was sent. */
export function requestedTokenTtl(raw: unknown): number {
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < TOKEN_TTL_RANGE.min || value > TOKEN_TTL_RANGE.max)
    return TOKEN_TTL_RANGE.default;
  return value;
}
