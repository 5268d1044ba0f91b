import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IngestionPipeline1795431958686 implements MigrationInterface {
  name = 'IngestionPipeline1795431958686';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"domain_event\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"type\" text NOT NULL, \"person_id\" uuid, \"household_id\" uuid, \"effective_on\" date, \"payload\" jsonb NOT NULL DEFAULT '{}', \"source\" text NOT NULL, \"source_ref\" text, \"observed_at\" TIMESTAMP WITH TIME ZONE, \"recorded_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"recorded_by\" text NOT NULL, CONSTRAINT \"PK_f901502d0301da69fb8cebbb8f2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_28f4b030d149d16ea20efda1dd\" ON \"domain_event\" (\"person_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_396f77a3b6833a64dd23c7975a\" ON \"domain_event\" (\"type\", \"recorded_at\") ");
    await queryRunner.query("CREATE TABLE \"identity_conflict\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"batch_id\" uuid NOT NULL, \"source\" text NOT NULL, \"position\" integer NOT NULL, \"record_key\" text NOT NULL, \"reason\" text NOT NULL, \"candidate_person_ids\" uuid array NOT NULL, \"observation\" jsonb NOT NULL, \"context\" jsonb NOT NULL DEFAULT '{}', \"status\" text NOT NULL DEFAULT 'open', \"resolved_person_id\" uuid, \"resolved_by\" text, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolution_note\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_da9924cd22119317e0fec76a9d9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_58e9f15272f370df961b1358be\" ON \"identity_conflict\" (\"batch_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_97066d4901d09b5e94d735537c\" ON \"identity_conflict\" (\"status\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"import_batch\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"source\" text NOT NULL, \"status\" text NOT NULL, \"file_name\" text NOT NULL, \"file_hash\" text NOT NULL, \"file_size\" bigint NOT NULL, \"storage_path\" text NOT NULL, \"options\" jsonb NOT NULL DEFAULT '{}', \"received_by\" text NOT NULL, \"correlation_id\" text, \"reference_date\" date, \"flux_type\" text, \"details\" jsonb NOT NULL DEFAULT '{}', \"records_read\" integer NOT NULL DEFAULT '0', \"records_processed\" integer NOT NULL DEFAULT '0', \"chunks_staged\" integer NOT NULL DEFAULT '0', \"chunks_applied\" integer NOT NULL DEFAULT '0', \"counts\" jsonb NOT NULL DEFAULT '{\"personsCreated\":0,\"personsUpdated\":0,\"personsUnchanged\":0,\"householdsCreated\":0,\"householdsUpdated\":0,\"householdsUnchanged\":0,\"stale\":0,\"rejected\":0,\"conflicts\":0,\"skipped\":0}', \"error_code\" text, \"error_message\" text, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"started_at\" TIMESTAMP WITH TIME ZONE, \"parsed_at\" TIMESTAMP WITH TIME ZONE, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f408daa3bbc77ffc37eca041312\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_fac47a67acadc776a8cda6ebcc\" ON \"import_batch\" (\"source\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"import_batch_running_file_uq\" ON \"import_batch\" (\"source\", \"file_hash\") WHERE status IN ('received', 'parsing', 'processing')");
    await queryRunner.query("CREATE TABLE \"import_chunk\" (\"batch_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"record_count\" integer NOT NULL, \"records\" jsonb NOT NULL, \"applied_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_31d75dcf72db1a0fe534670a971\" PRIMARY KEY (\"batch_id\", \"seq\"))");
    await queryRunner.query("CREATE TABLE \"import_issue\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"batch_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"record_key\" text, \"phase\" text NOT NULL DEFAULT 'parse', \"severity\" text NOT NULL, \"code\" text NOT NULL, \"message\" text NOT NULL, \"field\" text, CONSTRAINT \"PK_d830877f72db69958d5bfe368f3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_c2006ef9c6a8ccfd168523b707\" ON \"import_issue\" (\"batch_id\", \"position\") ");
    await queryRunner.query("ALTER TABLE \"household\" ADD \"homeless\" boolean");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"household\" DROP COLUMN \"homeless\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c2006ef9c6a8ccfd168523b707\"");
    await queryRunner.query("DROP TABLE \"import_issue\"");
    await queryRunner.query("DROP TABLE \"import_chunk\"");
    await queryRunner.query("DROP INDEX \"public\".\"import_batch_running_file_uq\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_fac47a67acadc776a8cda6ebcc\"");
    await queryRunner.query("DROP TABLE \"import_batch\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_97066d4901d09b5e94d735537c\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_58e9f15272f370df961b1358be\"");
    await queryRunner.query("DROP TABLE \"identity_conflict\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_396f77a3b6833a64dd23c7975a\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_28f4b030d149d16ea20efda1dd\"");
    await queryRunner.query("DROP TABLE \"domain_event\"");
  }
}
