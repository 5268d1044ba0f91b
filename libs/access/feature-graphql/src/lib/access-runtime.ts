import type { AccessService } from '@spie/access/data-access';
import type { ActorRequest } from '@spie/platform/auth';

import { PURPOSE_HEADER, RequestAccess } from './request-access';

/**
 * The access layer as the field checks see it: plain functions outside Nest's injector, so the module sets
 * the service here when it starts.
 */
export const accessRuntime: {
  service: AccessService | null;
  bypass: boolean;
} = {
  service: null,
  bypass: false,
};

export type AccessAwareRequest = ActorRequest & { access?: RequestAccess };

/** The request's access state, created on first use (after authentication). */
export function requestAccess(req: AccessAwareRequest): RequestAccess | null {
  if (req.access) return req.access;
  if (!req.actor || !accessRuntime.service) return null;
  const header = req.headers[PURPOSE_HEADER];
  req.access = new RequestAccess(
    req.actor,
    typeof header === 'string' && header.trim() ? header.trim() : undefined,
    accessRuntime.service,
    accessRuntime.bypass,
  );
  return req.access;
}
