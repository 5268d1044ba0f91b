import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractObjectiveFollowUp1795459057463 implements MigrationInterface {
  name = 'ContractObjectiveFollowUp1795459057463';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"contract_objective_status\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"objective_id\" uuid NOT NULL, \"status\" text NOT NULL, \"comment\" text, \"source\" text NOT NULL, \"source_ref\" text, \"observed_at\" TIMESTAMP WITH TIME ZONE, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"recorded_by\" text NOT NULL, CONSTRAINT \"PK_3511298734736c2ddb867879932\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9183c0ae21ee98ec720838f8de\" ON \"contract_objective_status\" (\"objective_id\", \"recorded_at\") ");
    await queryRunner.query("ALTER TABLE \"contract_objective\" ADD \"initial_status\" text NOT NULL DEFAULT 'in_progress'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"contract_objective\" DROP COLUMN \"initial_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9183c0ae21ee98ec720838f8de\"");
    await queryRunner.query("DROP TABLE \"contract_objective_status\"");
  }
}
