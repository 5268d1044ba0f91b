import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where the audit chain resumes after a retention purge: the seq and hash of the last entry purged. Written only by
 * `audit_purge_before` (a trigger refuses any other insert, and every update or delete), so verification starts from
 * the latest checkpoint instead of from 64 zeros.
 */
@Entity('audit_checkpoint')
export class AuditCheckpointEntity {
  /** The last purged seq: the chain continues at `seq + 1`. */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  hash!: string;

  /** Entries removed by this purge. */
  @Column({ type: 'bigint' })
  purgedCount!: string;

  /** Entries before this instant were due. */
  @Column({ type: 'timestamptz' })
  cutoff!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
