import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Appointments1795459534137 implements MigrationInterface {
  name = 'Appointments1795459534137';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"appointment\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"partner\" text NOT NULL, \"external_id\" text NOT NULL, \"organisation_id\" uuid, \"starts_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"ends_at\" TIMESTAMP WITH TIME ZONE, \"kind\" text, \"subject\" text, \"place\" text, \"with_whom\" text, \"status\" text NOT NULL, \"content_hash\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"source\" text NOT NULL, \"source_ref\" text, \"observed_at\" TIMESTAMP WITH TIME ZONE, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"recorded_by\" text NOT NULL, CONSTRAINT \"PK_e8be1a53027415e709ce8a2db74\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_8dc5f06d1d0fbc1e73acffc71a\" ON \"appointment\" (\"person_id\", \"starts_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"appointment_partner_key_uq\" ON \"appointment\" (\"partner\", \"external_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"appointment_partner_key_uq\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_8dc5f06d1d0fbc1e73acffc71a\"");
    await queryRunner.query("DROP TABLE \"appointment\"");
  }
}
