import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A staged record: what a parser read, waiting to be applied. */
export interface StagedRecord {
  position: number;
  key: string;
  data: unknown;
}

/**
 * A chunk of parsed records, staged in PostgreSQL before its job is queued: a job carries only (batch, seq), a
 * restarted Redis or worker loses nothing, and `appliedAt` (set in the transaction that applies it) makes applying
 * a chunk happen once whatever the number of deliveries. Chunks are deleted when their batch completes.
 */
@Entity('import_chunk')
export class ImportChunkEntity {
  @PrimaryColumn({ type: 'uuid' })
  batchId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'integer' })
  recordCount!: number;

  @Column({ type: 'jsonb' })
  records!: StagedRecord[];

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;
}
