import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CorrectionRequests1795456230442 implements MigrationInterface {
  name = 'CorrectionRequests1795456230442';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"correction_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"topic\" text NOT NULL, \"message\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'pending', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"decided_at\" TIMESTAMP WITH TIME ZONE, \"decided_by\" uuid, \"decided_by_organisation_id\" uuid, \"comment\" text, \"source_ref\" text, CONSTRAINT \"PK_f27fae3589d868eb5ebd6f6425d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_6d037a58bfa9c6756b99e56423\" ON \"correction_request\" (\"person_id\", \"created_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6d037a58bfa9c6756b99e56423\"");
    await queryRunner.query("DROP TABLE \"correction_request\"");
  }
}
