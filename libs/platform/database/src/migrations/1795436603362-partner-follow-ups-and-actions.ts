import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnerFollowUpsAndActions1795436603362 implements MigrationInterface {
  name = 'PartnerFollowUpsAndActions1795436603362';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"partner_follow_up\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"partner\" text NOT NULL, \"kind\" text NOT NULL, \"organisation_id\" uuid, \"structure_code\" text, \"structure_name\" text, \"follow_up_structure\" text, \"registered_on\" date, \"registration_category\" text, \"registration_reason_code\" text, \"registration_reason\" text, \"accompaniment_mode\" text, \"referent_civility\" text, \"referent_last_name\" text, \"referent_first_name\" text, \"referent_email\" text, \"start_on\" date, \"planned_end_on\" date, \"end_on\" date, \"last_ppae_interview_on\" date, \"last_interview_on\" date, \"work_axes\" text array NOT NULL DEFAULT '{}', \"rsa_beneficiary\" boolean, \"content_hash\" text NOT NULL, \"superseded_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"source\" text NOT NULL, \"source_ref\" text, \"observed_at\" TIMESTAMP WITH TIME ZONE, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"recorded_by\" text NOT NULL, CONSTRAINT \"PK_9ec4135aafaf94b0d2b515788e0\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_22b018ef8bf7b49ecd750e85e6\" ON \"partner_follow_up\" (\"person_id\", \"partner\", \"kind\", \"recorded_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"partner_follow_up_current_uq\" ON \"partner_follow_up\" (\"person_id\", \"partner\", \"kind\") WHERE superseded_at IS NULL");
    await queryRunner.query("CREATE TABLE \"partner_action\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"person_id\" uuid NOT NULL, \"partner\" text NOT NULL, \"action_key\" text NOT NULL, \"code\" text NOT NULL, \"label\" text NOT NULL, \"theme_code\" text, \"status\" text NOT NULL, \"prescribed_on\" date, \"planned_start_on\" date, \"start_on\" date, \"end_on\" date, \"done_on\" date, \"training_objective\" text, \"training\" text, \"commune_code\" text, \"content_hash\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"source\" text NOT NULL, \"source_ref\" text, \"observed_at\" TIMESTAMP WITH TIME ZONE, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"recorded_by\" text NOT NULL, CONSTRAINT \"PK_88c14e4c11d5bad64934b443548\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"partner_action_key_uq\" ON \"partner_action\" (\"person_id\", \"partner\", \"action_key\") ");
    await queryRunner.query("ALTER TABLE \"import_batch\" ALTER COLUMN \"counts\" SET DEFAULT '{\"stale\": 0, \"skipped\": 0, \"rejected\": 0, \"conflicts\": 0, \"actionsCreated\": 0, \"actionsUpdated\": 0, \"personsCreated\": 0, \"personsUpdated\": 0, \"rejectedOnApply\": 0, \"actionsUnchanged\": 0, \"followUpsCreated\": 0, \"followUpsUpdated\": 0, \"personsUnchanged\": 0, \"householdsCreated\": 0, \"householdsUpdated\": 0, \"followUpsUnchanged\": 0, \"diagnosticsRecorded\": 0, \"householdsUnchanged\": 0, \"diagnosticsUnchanged\": 0}'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"import_batch\" ALTER COLUMN \"counts\" SET DEFAULT '{\"stale\": 0, \"skipped\": 0, \"rejected\": 0, \"conflicts\": 0, \"personsCreated\": 0, \"personsUpdated\": 0, \"personsUnchanged\": 0, \"householdsCreated\": 0, \"householdsUpdated\": 0, \"householdsUnchanged\": 0}'");
    await queryRunner.query("DROP INDEX \"public\".\"partner_action_key_uq\"");
    await queryRunner.query("DROP TABLE \"partner_action\"");
    await queryRunner.query("DROP INDEX \"public\".\"partner_follow_up_current_uq\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_22b018ef8bf7b49ecd750e85e6\"");
    await queryRunner.query("DROP TABLE \"partner_follow_up\"");
  }
}
