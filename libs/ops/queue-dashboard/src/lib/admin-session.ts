import type { IncomingHttpHeaders } from 'node:http';

import { bearerToken } from '@spie/platform/auth';

/** The browser session of the admin pages: the bearer token itself, in an httpOnly, same-site cookie on `/admin`. */
export const ADMIN_COOKIE = 'spie_admin';
export const ADMIN_PATH = '/admin';
export const QUEUES_PATH = '/admin/queues';

/** The value of one cookie of a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value) || undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The token of a request to the admin pages: the bearer header first, then the session cookie. */
export function adminToken(headers: IncomingHttpHeaders): { token: string | undefined; fromCookie: boolean } {
  const bearer = bearerToken(headers.authorization);
  if (bearer) return { token: bearer, fromCookie: false };
  return { token: readCookie(headers.cookie, ADMIN_COOKIE), fromCookie: true };
}

/** `Set-Cookie` value of the session: httpOnly, SameSite=Strict, limited to `/admin`, as long as the token lives. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${ADMIN_COOKIE}=${encodeURIComponent(token)}`,
    `Path=${ADMIN_PATH}`,
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

/**
 * A state-changing request authenticated by the cookie must come from the hub's own pages: its `Origin` (or
 * `Referer`) must name the host it was sent to. With SameSite=Strict this is a second guard against cross-site forms.
 */
export function isSameOrigin(headers: IncomingHttpHeaders): boolean {
  const source = headers.origin ?? headers.referer;
  if (!source || !headers.host) return false;
  try {
    return new URL(source).host === headers.host;
  } catch {
    return false;
  }
}
