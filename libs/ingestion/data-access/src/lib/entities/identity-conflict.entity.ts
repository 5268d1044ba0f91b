import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { IngestSource } from '@spie/ingestion/domain';

export const IDENTITY_CONFLICT_REASONS = [
  /** Same names and birth date as a known person who has another NIR. */
  'SAME_IDENTITY_OTHER_NIR',
  /** Several known people match the identity and nothing tells them apart. */
  'AMBIGUOUS_IDENTITY',
  /** The partner identifier belongs to a person whose identity differs. */
  'IDENTIFIER_OTHER_IDENTITY',
] as const;
export type IdentityConflictReason = (typeof IDENTITY_CONFLICT_REASONS)[number];

/**
 * `open` waits for a decision; the others record it: `linked` (same person as the chosen candidate), `created` (a
 * different person, to be kept apart), `dismissed` (the record is not applied).
 */
export type IdentityConflictStatus = 'open' | 'linked' | 'created' | 'dismissed';

/**
 * The review queue: a record that could be the same person as someone known, or not, is never merged or duplicated
 * silently; an agent decides. The observation is kept with its NIR encrypted.
 */
@Entity('identity_conflict')
@Index(['status', 'createdAt'])
export class IdentityConflictEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  batchId!: string;

  @Column({ type: 'text' })
  source!: IngestSource;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text' })
  recordKey!: string;

  @Column({ type: 'text' })
  reason!: IdentityConflictReason;

  @Column({ type: 'uuid', array: true })
  candidatePersonIds!: string[];

  /** The person as the source described them, NIR replaced by `nirEncrypted`. */
  @Column({ type: 'jsonb' })
  observation!: Record<string, unknown>;

  /** Where they were seen (household key and role…), to apply the decision. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  context!: Record<string, unknown>;

  @Column({ type: 'text', default: 'open' })
  status!: IdentityConflictStatus;

  @Column({ type: 'uuid', nullable: true })
  resolvedPersonId!: string | null;

  /** The agent who decided (agent id). */
  @Column({ type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolutionNote!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
