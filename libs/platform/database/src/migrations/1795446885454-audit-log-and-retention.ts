import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (append-only, hash-chained), its purge checkpoints and alerts, and the retention flags of a person.
 * Hand-written after the generated DDL: the append-only triggers, the `audit_purge_before` purge function and the
 * revoked privileges (a frozen copy of AUDIT_APPEND_ONLY_SQL), and the retention exception of the signed-contract
 * trigger (RETENTION_CONTRACT_DELETE_SQL), both in libs/audit/data-access/src/lib/audit-append-only.sql.ts.
 */
export class AuditLogAndRetention1795446885454 implements MigrationInterface {
  name = 'AuditLogAndRetention1795446885454';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_alert\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" text NOT NULL, \"actor_kind\" text NOT NULL, \"actor_id\" text NOT NULL, \"actor_login\" text NOT NULL, \"organisation_id\" uuid, \"organisation_name\" text, \"window_start\" TIMESTAMP WITH TIME ZONE NOT NULL, \"window_end\" TIMESTAMP WITH TIME ZONE NOT NULL, \"count\" integer NOT NULL, \"threshold\" integer NOT NULL, \"details\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"acknowledged_by\" text, \"acknowledged_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"audit_alert_kind_check\" CHECK (\"kind\" IN ('volume', 'outside_portfolio')), CONSTRAINT \"PK_ea9868d0906cf203bdae22ebdcb\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_alert_open_idx\" ON \"audit_alert\" (\"created_at\") WHERE acknowledged_at IS NULL");
    await queryRunner.query("CREATE INDEX \"audit_alert_actor_idx\" ON \"audit_alert\" (\"kind\", \"actor_id\", \"window_end\") ");
    await queryRunner.query("CREATE TABLE \"audit_checkpoint\" (\"seq\" bigint NOT NULL, \"hash\" text NOT NULL, \"purged_count\" bigint NOT NULL, \"cutoff\" TIMESTAMP WITH TIME ZONE NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_bbe7947942cf3aa13ede7d7b301\" PRIMARY KEY (\"seq\"))");
    await queryRunner.query("CREATE TABLE \"audit_entry\" (\"seq\" bigint NOT NULL, \"at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_kind\" text NOT NULL, \"actor_id\" text NOT NULL, \"actor_login\" text NOT NULL, \"organisation_id\" uuid, \"organisation_name\" text, \"purpose\" text, \"legal_basis\" text, \"person_id\" uuid, \"operation\" text NOT NULL, \"categories\" text array NOT NULL DEFAULT '{}', \"masked_fields\" text array NOT NULL DEFAULT '{}', \"outcome\" text NOT NULL, \"reason\" text, \"correlation_id\" text, \"prev_hash\" text NOT NULL, \"hash\" text NOT NULL, CONSTRAINT \"audit_entry_outcome_check\" CHECK (\"outcome\" IN ('allowed', 'refused', 'not_found')), CONSTRAINT \"PK_bb4ea39cbd1686232d5fdda3a01\" PRIMARY KEY (\"seq\"))");
    await queryRunner.query("CREATE INDEX \"audit_entry_at_idx\" ON \"audit_entry\" (\"at\") ");
    await queryRunner.query("CREATE INDEX \"audit_entry_organisation_idx\" ON \"audit_entry\" (\"organisation_id\", \"seq\") WHERE organisation_id IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"audit_entry_actor_login_idx\" ON \"audit_entry\" (\"actor_login\", \"seq\") ");
    await queryRunner.query("CREATE INDEX \"audit_entry_person_idx\" ON \"audit_entry\" (\"person_id\", \"seq\") WHERE person_id IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"person\" ADD \"archived_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"person\" ADD \"not_beneficiary_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"person\" ADD \"not_beneficiary_by\" text");
    await queryRunner.query("ALTER TABLE \"person\" ADD \"not_beneficiary_reason\" text");
    await queryRunner.query(`
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
`);
    await queryRunner.query(`
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
`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
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
`);
    await queryRunner.query(`
DROP FUNCTION IF EXISTS audit_purge_before(timestamptz);
DROP TRIGGER IF EXISTS audit_checkpoint_no_truncate ON audit_checkpoint;
DROP TRIGGER IF EXISTS audit_checkpoint_append_only ON audit_checkpoint;
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;
DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry;
DROP FUNCTION IF EXISTS audit_refuse_truncate();
DROP FUNCTION IF EXISTS audit_refuse_row_change();
`);
    await queryRunner.query("ALTER TABLE \"person\" DROP COLUMN \"not_beneficiary_reason\"");
    await queryRunner.query("ALTER TABLE \"person\" DROP COLUMN \"not_beneficiary_by\"");
    await queryRunner.query("ALTER TABLE \"person\" DROP COLUMN \"not_beneficiary_at\"");
    await queryRunner.query("ALTER TABLE \"person\" DROP COLUMN \"archived_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_entry_person_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_entry_actor_login_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_entry_organisation_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_entry_at_idx\"");
    await queryRunner.query("DROP TABLE \"audit_entry\"");
    await queryRunner.query("DROP TABLE \"audit_checkpoint\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_alert_actor_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_alert_open_idx\"");
    await queryRunner.query("DROP TABLE \"audit_alert\"");
  }
}
