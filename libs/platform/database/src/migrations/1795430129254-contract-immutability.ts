import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed contract versions are immutable in the database too (the domain already refuses): UPDATE or DELETE of a
 * signed contract_version, and any write to the objectives and actions of a signed version, raise
 * SIGNED_VERSION_IMMUTABLE. A frozen copy of libs/contract/data-access/src/lib/contract-immutability.sql.ts.
 */
export class ContractImmutability1795430129254 implements MigrationInterface {
  name = 'ContractImmutability1795430129254';

  public async up(queryRunner: QueryRunner): Promise<void> {
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

CREATE OR REPLACE FUNCTION contract_content_refuse_signed_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  version_ids uuid[] := ARRAY[]::uuid[];
BEGIN
  IF TG_TABLE_NAME = 'contract_objective' THEN
    IF TG_OP <> 'INSERT' THEN version_ids := version_ids || OLD.contract_version_id; END IF;
    IF TG_OP <> 'DELETE' THEN version_ids := version_ids || NEW.contract_version_id; END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN
      version_ids := version_ids || ARRAY(SELECT contract_version_id FROM contract_objective WHERE id = OLD.objective_id);
    END IF;
    IF TG_OP <> 'DELETE' THEN
      version_ids := version_ids || ARRAY(SELECT contract_version_id FROM contract_objective WHERE id = NEW.objective_id);
    END IF;
  END IF;
  IF EXISTS (SELECT 1 FROM contract_version WHERE id = ANY(version_ids) AND signed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'SIGNED_VERSION_IMMUTABLE: % of a signed contract_version cannot be changed (%)', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$fn$;

DROP TRIGGER IF EXISTS contract_version_signed_immutable ON contract_version;
CREATE TRIGGER contract_version_signed_immutable
  BEFORE UPDATE OR DELETE ON contract_version
  FOR EACH ROW EXECUTE FUNCTION contract_version_refuse_signed_change();

DROP TRIGGER IF EXISTS contract_objective_signed_immutable ON contract_objective;
CREATE TRIGGER contract_objective_signed_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON contract_objective
  FOR EACH ROW EXECUTE FUNCTION contract_content_refuse_signed_change();

DROP TRIGGER IF EXISTS contract_action_signed_immutable ON contract_action;
CREATE TRIGGER contract_action_signed_immutable
  BEFORE INSERT OR UPDATE OR DELETE ON contract_action
  FOR EACH ROW EXECUTE FUNCTION contract_content_refuse_signed_change();
`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
DROP TRIGGER IF EXISTS contract_action_signed_immutable ON contract_action;
DROP TRIGGER IF EXISTS contract_objective_signed_immutable ON contract_objective;
DROP TRIGGER IF EXISTS contract_version_signed_immutable ON contract_version;
DROP FUNCTION IF EXISTS contract_content_refuse_signed_change();
DROP FUNCTION IF EXISTS contract_version_refuse_signed_change();
`);
  }
}
