import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { IngestSource } from '@spie/ingestion/domain';

export const IMPORT_BATCH_STATUSES = [
  'received',
  'parsing',
  'processing',
  /** Stopped before writing: the account the batch acts for lost its rights (`holdCode`); resumed by a replay. */
  'held',
  'completed',
  'completed_with_errors',
  'failed',
] as const;
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUSES)[number];

/** Outcome counters of a batch, kept in one JSON document updated in the same transaction as each chunk. */
export interface ImportCounts {
  personsCreated: number;
  personsUpdated: number;
  personsUnchanged: number;
  householdsCreated: number;
  householdsUpdated: number;
  householdsUnchanged: number;
  /** Records older than the state already applied (an older flux arriving late). */
  stale: number;
  /** Records the parser refused (the parse sets it). */
  rejected: number;
  /** Of `rejected`, the records refused while applying (a NIR found invalid, codes the référentiel refuses). */
  rejectedOnApply: number;
  conflicts: number;
  /** Records applied without a person or household (e.g. an action of an unknown France Travail id). */
  skipped: number;
  /** Partners' follow-ups (France Travail PPAE, CEJ): a first state, a changed state, the same state again. */
  followUpsCreated: number;
  followUpsUpdated: number;
  followUpsUnchanged: number;
  /** Partners' actions and prestations. */
  actionsCreated: number;
  actionsUpdated: number;
  actionsUnchanged: number;
  /** Partners' diagnostics: a new version recorded, or nothing new to record. */
  diagnosticsRecorded: number;
  diagnosticsUnchanged: number;
}

export const EMPTY_COUNTS: ImportCounts = {
  personsCreated: 0,
  personsUpdated: 0,
  personsUnchanged: 0,
  householdsCreated: 0,
  householdsUpdated: 0,
  householdsUnchanged: 0,
  stale: 0,
  rejected: 0,
  rejectedOnApply: 0,
  conflicts: 0,
  skipped: 0,
  followUpsCreated: 0,
  followUpsUpdated: 0,
  followUpsUnchanged: 0,
  actionsCreated: 0,
  actionsUpdated: 0,
  actionsUnchanged: 0,
  diagnosticsRecorded: 0,
  diagnosticsUnchanged: 0,
};

/** A flat object of numbers as PostgreSQL prints a jsonb value. */
function jsonbText(value: object): string {
  const entries = value as Record<string, number>;
  const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `"${key}": ${entries[key]}`).join(', ')}}`;
}

/**
 * One received file (or one message of an API source) and its processing: the raw bytes are kept as they came, with
 * their hash and size; records are staged in chunks (`import_chunk`) and applied by the workers.
 */
@Entity('import_batch')
// A held batch still owns its file: the same file sent again joins it (and answers `held`) until it is replayed.
@Index('import_batch_running_file_uq', ['source', 'fileHash'], {
  unique: true,
  where: "status IN ('received', 'parsing', 'processing', 'held')",
})
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'text' })
  source!: IngestSource;

  @Column({ type: 'text' })
  status!: ImportBatchStatus;

  @Column({ type: 'text' })
  fileName!: string;

  /** SHA-256 of the bytes, hex. */
  @Column({ type: 'text' })
  fileHash!: string;

  @Column({ type: 'bigint' })
  fileSize!: string;

  /** Where the raw file is kept (relative to `IMPORT_STORAGE_DIR`). */
  @Column({ type: 'text' })
  storagePath!: string;

  /** Options given with the file (department code, profile, France Travail id…). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  options!: Record<string, string>;

  /** Login of the account that sent it. */
  @Column({ type: 'text' })
  receivedBy!: string;

  /**
   * The agent the batch acts for: the sender, or whoever resumed it since (`resumedBy`). Every job checks this
   * agent's rights again before writing; null only for batches received before the check existed.
   */
  @Column({ type: 'uuid', nullable: true })
  actingAgentId!: string | null;

  @Column({ type: 'text', nullable: true })
  actingLogin!: string | null;

  /** The habilitation the batch was accepted under (at submission or resumption): purpose, legal basis. */
  @Column({ type: 'uuid', nullable: true })
  habilitationId!: string | null;

  /** When and why the batch was held (`STARTER_RIGHTS_REVOKED`), until a replay resumes it. */
  @Column({ type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  holdCode!: string | null;

  @Column({ type: 'text', nullable: true })
  holdMessage!: string | null;

  /** Login of the account that last resumed the batch (`spie imports replay`), and when. */
  @Column({ type: 'text', nullable: true })
  resumedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resumedAt!: Date | null;

  /** How many times the batch was resumed: part of its job ids, so that a resumed job is never taken for a done one. */
  @Column({ type: 'integer', default: 0 })
  resumptions!: number;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;

  /** Reference date the file states (`DTREF`…), YYYY-MM-DD. */
  @Column({ type: 'date', nullable: true })
  referenceDate!: string | null;

  /** `M` (complete stock) or `I` (increment) for CAF/MSA. */
  @Column({ type: 'text', nullable: true })
  fluxType!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  /** Records read so far; the total once `parsedAt` is set. */
  @Column({ type: 'integer', default: 0 })
  recordsRead!: number;

  @Column({ type: 'integer', default: 0 })
  recordsProcessed!: number;

  @Column({ type: 'integer', default: 0 })
  chunksStaged!: number;

  @Column({ type: 'integer', default: 0 })
  chunksApplied!: number;

  /** The default is written as PostgreSQL prints jsonb (keys by length, then bytes) so that schema diffs see no drift. */
  @Column({ type: 'jsonb', default: () => `'${jsonbText(EMPTY_COUNTS)}'` })
  counts!: ImportCounts;

  /** Set when the whole file was refused (code and message): what was read before stays reported. */
  @Column({ type: 'text', nullable: true })
  errorCode!: string | null;

  @Column({ type: 'text', nullable: true })
  errorMessage!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  parsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
