import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonAccount1795447092895 implements MigrationInterface {
  name = 'PersonAccount1795447092895';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"person_account\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"issuer\" text NOT NULL, \"subject\" text NOT NULL, \"person_id\" uuid NOT NULL, \"linked_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_31a014bb67020155ba0aaa6f94a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"person_account_person_idx\" ON \"person_account\" (\"person_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"person_account_issuer_subject_uq\" ON \"person_account\" (\"issuer\", \"subject\") ");
    await queryRunner.query("ALTER TABLE \"person_account\" ADD CONSTRAINT \"FK_9524c73cb2b007afed3d92af208\" FOREIGN KEY (\"person_id\") REFERENCES \"person\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"person_account\" DROP CONSTRAINT \"FK_9524c73cb2b007afed3d92af208\"");
    await queryRunner.query("DROP INDEX \"public\".\"person_account_issuer_subject_uq\"");
    await queryRunner.query("DROP INDEX \"public\".\"person_account_person_idx\"");
    await queryRunner.query("DROP TABLE \"person_account\"");
  }
}
