import type { DataCategory } from './categories';
import { ROLE_PURPOSES, type Purpose } from './legal-frame';
import { isActive, type HabilitationGrant } from './policy';

/** Who would write: an account as the database holds it now (a token or a job payload is not enough). */
export interface WriterSubject {
  kind: 'agent' | 'person' | 'system';
  /** False for an agent account that was disabled. */
  active: boolean;
  organisationId: string | null;
  /** The type of its organisation (`caf`, `department`…), for rules that depend on who the writer is. */
  organisationType?: string | null;
  roles: readonly string[];
}

/**
 * Why an actor may not write a set of categories:
 * - `NOT_AN_AGENT`: only an agent account (a person's or a technical one) acts under a habilitation; a system
 *   component, a person or an unknown account never does;
 * - `AGENT_DISABLED`: the account was disabled;
 * - `NO_HABILITATION`: its organisation holds no current (not revoked, not expired) habilitation under a purpose
 *   its roles allow;
 * - `CATEGORIES_NOT_COVERED`: none of those habilitations writes every category asked (`missing` says which).
 */
export type WriteRefusalCode =
  'NOT_AN_AGENT' | 'AGENT_DISABLED' | 'NO_HABILITATION' | 'CATEGORIES_NOT_COVERED';

export type WriteRights =
  | {
      allowed: true;
      /** The habilitation the writes act under (its purpose and legal basis are what the provenance cites). */
      grant: HabilitationGrant;
      /** Every category that habilitation writes. */
      writable: readonly DataCategory[];
    }
  | {
      allowed: false;
      code: WriteRefusalCode;
      message: string;
      /** The categories the closest habilitation does not write (all of them when there is none). */
      missing: readonly DataCategory[];
      /** `CATEGORIES_NOT_COVERED`: the current habilitation that writes the most of them. */
      closest?: HabilitationGrant;
    };

/**
 * Whether `subject` may write every one of `categories` now, and under which habilitation: an active agent, a
 * current habilitation of its organisation, under a purpose one of its roles allows (and one of `options.purposes`
 * when given), whose write list covers them all. Several habilitations are never added up: one of them must cover
 * the whole set.
 */
export function decideWriteRights(
  subject: WriterSubject,
  categories: readonly DataCategory[],
  grants: readonly HabilitationGrant[],
  now: Date,
  options: { purposes?: readonly Purpose[] } = {},
): WriteRights {
  const refuse = (code: WriteRefusalCode, message: string, missing = categories): WriteRights => ({
    allowed: false,
    code,
    message,
    missing,
  });
  if (subject.kind !== 'agent' || !subject.organisationId) {
    return refuse('NOT_AN_AGENT', 'Only an agent account acts under a habilitation');
  }
  if (!subject.active) return refuse('AGENT_DISABLED', 'This account is disabled');
  const purposes = new Set(
    subject.roles
      .flatMap((role) => ROLE_PURPOSES[role] ?? [])
      .filter((purpose) => !options.purposes || options.purposes.includes(purpose)),
  );
  const current = grants.filter(
    (grant) =>
      grant.organisationId === subject.organisationId && isActive(grant, now) && purposes.has(grant.purpose),
  );
  if (current.length === 0) {
    return refuse(
      'NO_HABILITATION',
      `The organisation of this account holds no current habilitation for a purpose its roles allow${options.purposes ? ` (${options.purposes.join(', ')})` : ''}`,
    );
  }
  const missingOf = (grant: HabilitationGrant) =>
    categories.filter((category) => !grant.write.includes(category));
  const covering = current.find((grant) => missingOf(grant).length === 0);
  if (covering) return { allowed: true, grant: covering, writable: covering.write };
  const closest = current.reduce((best, grant) =>
    missingOf(grant).length < missingOf(best).length ? grant : best,
  );
  const missing = missingOf(closest);
  return {
    allowed: false,
    code: 'CATEGORIES_NOT_COVERED',
    message: `No habilitation of this account's organisation writes ${missing.join(', ')}`,
    missing,
    closest,
  };
}
