/**
 * The name of the PostgreSQL advisory lock that serialises appends to the audit chain (and the purge of its head).
 * SQL takes it as `pg_advisory_xact_lock(hashtextextended('spie:audit-chain', 0))`, in `AuditService` and in the
 * `audit_purge_before` function of the migration alike.
 */
export const AUDIT_CHAIN_LOCK = 'spie:audit-chain';

/** The transaction-local setting `audit_purge_before` sets so that the append-only triggers let its delete through. */
export const AUDIT_PURGE_SETTING = 'spie.audit_purge_through';

/** Columns of `audit_entry` as the chain reads them: text seq, microsecond UTC instant, every hashed field. */
export const AUDIT_CHAIN_COLUMNS = `seq::text AS seq,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
  actor_kind AS "actorKind", actor_id AS "actorId", actor_login AS "actorLogin",
  organisation_id::text AS "organisationId", organisation_name AS "organisationName",
  purpose, legal_basis AS "legalBasis", person_id::text AS "personId", operation, categories,
  masked_fields AS "maskedFields", outcome, reason, correlation_id AS "correlationId",
  prev_hash AS "prevHash", hash`;
