import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ParcoursPendingAndApplyRejections1795436477107 implements MigrationInterface {
  name = 'ParcoursPendingAndApplyRejections1795436477107';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"person_parcours_status_pending\" (\"person_id\" uuid NOT NULL, \"queued_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_38776748958944c75dd19ecefb2\" PRIMARY KEY (\"person_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_204932c6dfbcbccfa76530d1ca\" ON \"person_parcours_status_pending\" (\"queued_at\") ");
    await queryRunner.query("ALTER TABLE \"import_batch\" ALTER COLUMN \"counts\" SET DEFAULT '{\"stale\": 0, \"skipped\": 0, \"rejected\": 0, \"conflicts\": 0, \"personsCreated\": 0, \"personsUpdated\": 0, \"rejectedOnApply\": 0, \"personsUnchanged\": 0, \"householdsCreated\": 0, \"householdsUpdated\": 0, \"householdsUnchanged\": 0}'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"import_batch\" ALTER COLUMN \"counts\" SET DEFAULT '{\"stale\": 0, \"skipped\": 0, \"rejected\": 0, \"conflicts\": 0, \"personsCreated\": 0, \"personsUpdated\": 0, \"personsUnchanged\": 0, \"householdsCreated\": 0, \"householdsUpdated\": 0, \"householdsUnchanged\": 0}'");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_204932c6dfbcbccfa76530d1ca\"");
    await queryRunner.query("DROP TABLE \"person_parcours_status_pending\"");
  }
}
