import { createHash } from 'node:crypto';

/** What an access decision came to. `not_found` is what an out-of-scope read answers (never "forbidden"). */
export const AUDIT_OUTCOMES = ['allowed', 'refused', 'not_found'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export function isAuditOutcome(value: unknown): value is AuditOutcome {
  return typeof value === 'string' && (AUDIT_OUTCOMES as readonly string[]).includes(value);
}

/** `prev_hash` of the first entry ever written (before any purge checkpoint). */
export const GENESIS_HASH = '0'.repeat(64);

/** Version tag at the head of every canonical serialisation: a new format gets a new tag, old entries keep theirs. */
export const AUDIT_CHAIN_FORMAT = 'spie-audit-v1';

/** Every stored field of an audit entry that its hash covers, in chain order. */
export interface AuditChainFields {
  /** Position in the chain (gapless, from 1), as a decimal string: PostgreSQL `bigint` comes back as text. */
  seq: string;
  /** The instant with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ` (see `formatAuditInstant`). */
  at: string;
  actorKind: string;
  actorId: string;
  actorLogin: string;
  organisationId: string | null;
  organisationName: string | null;
  purpose: string | null;
  legalBasis: string | null;
  personId: string | null;
  operation: string;
  categories: readonly string[];
  maskedFields: readonly string[];
  outcome: string;
  reason: string | null;
  correlationId: string | null;
  prevHash: string;
}

/**
 * The instant as the chain hashes it: UTC with microseconds, the precision of `timestamptz`. A JavaScript date has
 * milliseconds, so it ends in `000`; verification reads the stored value with `to_char(… 'US')`, so a tampered
 * microsecond is seen too.
 */
export function formatAuditInstant(at: Date): string {
  const iso = at.toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, 23)}000Z`;
}

/**
 * The canonical serialisation: a JSON array in a fixed order, so that the same fields always give the same bytes
 * (object key order, `undefined` and number formatting play no part). Arrays keep their order: it is part of the entry.
 */
export function canonicalAuditEntry(fields: AuditChainFields): string {
  return JSON.stringify([
    AUDIT_CHAIN_FORMAT,
    fields.seq,
    fields.at,
    fields.actorKind,
    fields.actorId,
    fields.actorLogin,
    fields.organisationId,
    fields.organisationName,
    fields.purpose,
    fields.legalBasis,
    fields.personId,
    fields.operation,
    [...fields.categories],
    [...fields.maskedFields],
    fields.outcome,
    fields.reason,
    fields.correlationId,
    fields.prevHash,
  ]);
}

/** `hash` of an entry: SHA-256 (hex) of its canonical serialisation, which includes the previous entry's hash. */
export function auditEntryHash(fields: AuditChainFields): string {
  return createHash('sha256').update(canonicalAuditEntry(fields), 'utf8').digest('hex');
}

/** Where a chain stops being valid. */
export interface AuditChainBreak {
  seq: string;
  /** `seq`: an entry is missing or out of place; `prev_hash`: the link to the previous entry; `hash`: the entry itself. */
  field: 'seq' | 'prev_hash' | 'hash';
  expected: string;
  found: string;
}

/**
 * Checks one entry against the state left by the previous one. Returns the break, or null when the entry is in place:
 * the next seq, linked to the previous hash, and its own hash matches its content.
 */
export function checkAuditLink(
  fields: AuditChainFields & { hash: string },
  expected: { seq: bigint; prevHash: string },
): AuditChainBreak | null {
  if (BigInt(fields.seq) !== expected.seq) {
    return { seq: fields.seq, field: 'seq', expected: expected.seq.toString(), found: fields.seq };
  }
  if (fields.prevHash !== expected.prevHash) {
    return { seq: fields.seq, field: 'prev_hash', expected: expected.prevHash, found: fields.prevHash };
  }
  const hash = auditEntryHash(fields);
  if (hash !== fields.hash) return { seq: fields.seq, field: 'hash', expected: hash, found: fields.hash };
  return null;
}
