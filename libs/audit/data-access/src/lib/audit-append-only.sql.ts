/**
 * Database guards of the audit log, for a migration (frozen copy in
 * `libs/platform/database/src/migrations/1795446885454-audit-log-and-retention.ts`):
 *
 * - `audit_entry` and `audit_checkpoint` refuse UPDATE, DELETE and TRUNCATE through triggers, which hold even for the
 *   table owner (the application connects as the owner in development), and the privileges are revoked from PUBLIC;
 * - the one exception is `audit_purge_before(cutoff)`, SECURITY DEFINER: under the chain lock it deletes the head of
 *   the chain up to the last entry before the first one at or after `cutoff`, records a checkpoint with that entry's
 *   hash, and returns how many it removed. It sets `spie.audit_purge_through` for its own transaction so that the
 *   trigger lets exactly those rows go; a checkpoint can be inserted only then.
 *
 * Production: run the gateway and workers as a role that does not own these tables, with
 * `GRANT SELECT, INSERT ON audit_entry TO <app>; GRANT SELECT ON audit_checkpoint TO <app>;
 *  GRANT EXECUTE ON FUNCTION audit_purge_before(timestamptz) TO <app>;` (see docs/configuration.md).
 */
export const AUDIT_APPEND_ONLY_SQL = `
CREATE OR REPLACE FUNCTION audit_refuse_row_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  purge_through text := current_setting('spie.audit_purge_through', true);
BEGIN
  IF purge_through IS NOT NULL AND purge_through <> '' THEN
    IF TG_TABLE_NAME = 'audit_entry' AND TG_OP = 'DELETE' THEN
      IF OLD.seq <= purge_through::bigint THEN
        RETURN OLD;
      END IF;
    ELSIF TG_TABLE_NAME = 'audit_checkpoint' AND TG_OP = 'INSERT' THEN
      IF NEW.seq = purge_through::bigint THEN
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  RAISE EXCEPTION 'AUDIT_APPEND_ONLY: % on % is refused (append-only audit log)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$fn$;

CREATE OR REPLACE FUNCTION audit_refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'AUDIT_APPEND_ONLY: TRUNCATE on % is refused (append-only audit log)', TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$fn$;

DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry;
CREATE TRIGGER audit_entry_append_only
  BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_row_change();

DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;
CREATE TRIGGER audit_entry_no_truncate
  BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();

DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_checkpoint;
CREATE TRIGGER audit_checkpoint_append_only
  BEFORE INSERT OR UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_row_change();

DROP TRIGGER IF EXISTS audit_checkpoint_no_truncate ON audit_checkpoint;
CREATE TRIGGER audit_checkpoint_no_truncate
  BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_truncate();

CREATE OR REPLACE FUNCTION audit_purge_before(cutoff timestamptz)
RETURNS TABLE (purged bigint, through_seq bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  first_kept bigint;
  last_seq bigint;
  last_hash text;
  removed bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('spie:audit-chain', 0));
  SELECT min(e.seq) INTO first_kept FROM audit_entry e WHERE e.at >= cutoff;
  SELECT e.seq, e.hash INTO last_seq, last_hash
    FROM audit_entry e
   WHERE first_kept IS NULL OR e.seq < first_kept
   ORDER BY e.seq DESC
   LIMIT 1;
  IF last_seq IS NULL THEN
    RETURN QUERY SELECT 0::bigint, NULL::bigint;
    RETURN;
  END IF;
  PERFORM set_config('spie.audit_purge_through', last_seq::text, true);
  DELETE FROM audit_entry e WHERE e.seq <= last_seq;
  GET DIAGNOSTICS removed = ROW_COUNT;
  INSERT INTO audit_checkpoint (seq, hash, purged_count, cutoff) VALUES (last_seq, last_hash, removed, cutoff);
  PERFORM set_config('spie.audit_purge_through', '', true);
  RETURN QUERY SELECT removed, last_seq;
END;
$fn$;

REVOKE ALL ON FUNCTION audit_purge_before(timestamptz) FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_checkpoint FROM PUBLIC;
`;

export const AUDIT_APPEND_ONLY_DROP_SQL = `
DROP FUNCTION IF EXISTS audit_purge_before(timestamptz);
DROP TRIGGER IF EXISTS audit_checkpoint_no_truncate ON audit_checkpoint;
DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_checkpoint;
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry;
DROP FUNCTION IF EXISTS audit_refuse_truncate();
DROP FUNCTION IF EXISTS audit_refuse_row_change();
`;

export const AUDIT_APPEND_ONLY_TRIGGERS = [
  'audit_entry_append_only',
  'audit_entry_no_truncate',
  'audit_checkpoint_append_only',
  'audit_checkpoint_no_truncate',
] as const;

/**
 * Retention must be able to destroy a person's signed contracts (CASF R.263-8), which the contract trigger otherwise
 * refuses. The trigger now lets a DELETE through when the transaction names that contract's person in
 * `spie.retention_destroy_person` (set by `RetentionService` in the person's destruction transaction); every other
 * UPDATE or DELETE of a signed version is still refused. Objectives and actions go by cascade once their version is
 * deleted, which their trigger already allows.
 */
export const RETENTION_CONTRACT_DELETE_SQL = `
CREATE OR REPLACE FUNCTION contract_version_refuse_signed_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    IF TG_OP = 'DELETE' AND EXISTS (
      SELECT 1 FROM contract c
       WHERE c.id = OLD.contract_id
         AND c.person_id::text = current_setting('spie.retention_destroy_person', true)
    ) THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'SIGNED_VERSION_IMMUTABLE: contract_version % is signed and cannot be changed (%)', OLD.id, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$fn$;
`;

/** The function as `ContractImmutability1795430129254` left it. */
export const RETENTION_CONTRACT_DELETE_DROP_SQL = `
CREATE OR REPLACE FUNCTION contract_version_refuse_signed_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'SIGNED_VERSION_IMMUTABLE: contract_version % is signed and cannot be changed (%)', OLD.id, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$fn$;
`;
