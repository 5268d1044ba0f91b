import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CorrectionProposals1795458866785 implements MigrationInterface {
  name = 'CorrectionProposals1795458866785';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"correction_request\" ADD \"proposal\" jsonb");
    await queryRunner.query("ALTER TABLE \"correction_request\" ADD \"applied_at\" TIMESTAMP WITH TIME ZONE");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"correction_request\" DROP COLUMN \"applied_at\"");
    await queryRunner.query("ALTER TABLE \"correction_request\" DROP COLUMN \"proposal\"");
  }
}
