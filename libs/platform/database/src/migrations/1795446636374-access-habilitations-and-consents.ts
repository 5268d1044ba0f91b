import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessHabilitationsAndConsents1795446636374 implements MigrationInterface {
  name = 'AccessHabilitationsAndConsents1795446636374';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"habilitation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organisation_id\" uuid NOT NULL, \"purpose\" text NOT NULL, \"legal_basis\" text NOT NULL, \"read_categories\" text array NOT NULL DEFAULT '{}', \"write_categories\" text array NOT NULL DEFAULT '{}', \"valid_from\" TIMESTAMP WITH TIME ZONE NOT NULL, \"valid_to\" TIMESTAMP WITH TIME ZONE, \"retention_months\" integer NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_by\" text, \"revocation_reason\" text, \"granted_by\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_0144ef043363c178afd2cc759c0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a3d28c77cc270095da0a5a389c\" ON \"habilitation\" (\"organisation_id\") ");
    await queryRunner.query("CREATE TABLE \"consent\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"decision\" text NOT NULL, \"categories\" text array NOT NULL, \"organisation_ids\" uuid array NOT NULL DEFAULT '{}', \"purposes\" text array NOT NULL DEFAULT '{}', \"period_start\" TIMESTAMP WITH TIME ZONE NOT NULL, \"period_end\" TIMESTAMP WITH TIME ZONE, \"status\" text NOT NULL DEFAULT 'active', \"verification_method\" text NOT NULL, \"verified_by\" text NOT NULL, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"withdrawn_at\" TIMESTAMP WITH TIME ZONE, \"withdrawn_by\" text, CONSTRAINT \"PK_9115e8d6b082d4fc46d56134d29\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_f222e05f10ca2a30cec3314976\" ON \"consent\" (\"person_id\", \"status\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f222e05f10ca2a30cec3314976\"");
    await queryRunner.query("DROP TABLE \"consent\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a3d28c77cc270095da0a5a389c\"");
    await queryRunner.query("DROP TABLE \"habilitation\"");
  }
}
