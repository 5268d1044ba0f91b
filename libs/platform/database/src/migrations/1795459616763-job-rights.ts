import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JobRights1795459616763 implements MigrationInterface {
  name = 'JobRights1795459616763';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"acting_agent_id\" uuid");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"acting_login\" text");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"habilitation_id\" uuid");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"held_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"hold_code\" text");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"hold_message\" text");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"resumed_by\" text");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"resumed_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"import_batch\" ADD \"resumptions\" integer NOT NULL DEFAULT '0'");
    // A held batch keeps its file: the same file sent again joins it (the schema diff does not compare predicates).
    await queryRunner.query("DROP INDEX \"public\".\"import_batch_running_file_uq\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"import_batch_running_file_uq\" ON \"import_batch\" (\"source\", \"file_hash\") WHERE status IN ('received', 'parsing', 'processing', 'held')");
    // Batches still running act for the agent who sent them, when the login names one; the others are held by their
    // next job until a replay names an account (nothing is written for nobody).
    await queryRunner.query("UPDATE \"import_batch\" b SET \"acting_agent_id\" = a.\"id\", \"acting_login\" = a.\"login\" FROM \"agent\" a WHERE a.\"login\" = b.\"received_by\" AND b.\"completed_at\" IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"import_batch_running_file_uq\"");
    await queryRunner.query("UPDATE \"import_batch\" SET \"status\" = 'processing' WHERE \"status\" = 'held'");
    await queryRunner.query("CREATE UNIQUE INDEX \"import_batch_running_file_uq\" ON \"import_batch\" (\"source\", \"file_hash\") WHERE status IN ('received', 'parsing', 'processing')");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"resumptions\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"resumed_at\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"resumed_by\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"hold_message\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"hold_code\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"held_at\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"habilitation_id\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"acting_login\"");
    await queryRunner.query("ALTER TABLE \"import_batch\" DROP COLUMN \"acting_agent_id\"");
  }
}
