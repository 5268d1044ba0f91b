import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PersonBirthIdentityIndex1795442085987 implements MigrationInterface {
  name = 'PersonBirthIdentityIndex1795442085987';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_eebbcd1be5ee5e73d8eac9e2ca\"");
    await queryRunner.query("CREATE INDEX \"person_birth_identity_idx\" ON \"person\" (\"birth_name_normalized\", \"birth_date\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"person_birth_identity_idx\"");
    await queryRunner.query("CREATE INDEX \"IDX_eebbcd1be5ee5e73d8eac9e2ca\" ON \"person\" (\"birth_name_normalized\") ");
  }
}
