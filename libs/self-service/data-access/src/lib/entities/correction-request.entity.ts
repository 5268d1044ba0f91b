import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { DiagnosticItemCorrection } from '@spie/diagnostic/domain';

export type CorrectionTopic = 'identity' | 'diagnostic';
export type CorrectionStatus = 'pending' | 'accepted' | 'declined';

/** Identity values a person may ask to correct (the NIR and contact details are not: contact is changed directly). */
export const CORRECTABLE_IDENTITY_FIELDS = [
  'lastName',
  'birthName',
  'firstNames',
  'birthDate',
  'birthPlace',
] as const;
export type CorrectableIdentityField = (typeof CORRECTABLE_IDENTITY_FIELDS)[number];

/**
 * The value the person states as right, when they named one: applied to their file when the request is accepted.
 * A request without one is a message only: the référent makes the change by hand.
 */
export type CorrectionProposal =
  | { kind: 'identity'; field: CorrectableIdentityField; value: string }
  | { kind: 'diagnostic'; item: DiagnosticItemCorrection };

/**
 * A correction the person asks for from the portal (their identity or their diagnostic is wrong), which their référent
 * accepts or declines with a comment. Kept with its decision: the history of the person's requests.
 */
@Entity('correction_request')
@Index(['personId', 'createdAt'])
export class CorrectionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  topic!: CorrectionTopic;

  /** What the person says is wrong and what is right, in their words. */
  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text', default: 'pending' })
  status!: CorrectionStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** The agent who decided. */
  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  /** The organisation of that agent, at the time. */
  @Column({ type: 'uuid', nullable: true })
  decidedByOrganisationId!: string | null;

  /** The référent's answer to the person. */
  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** What the person states as right, applied when accepted; null for a message only. */
  @Column({ type: 'jsonb', nullable: true })
  proposal!: CorrectionProposal | null;

  /**
   * When the proposal was applied to the file (with the acceptance, in the same transaction); null when there was
   * nothing to apply or the file already said so.
   */
  @Column({ type: 'timestamptz', nullable: true })
  appliedAt!: Date | null;

  /** Correlation id of the request that created it. */
  @Column({ type: 'text', nullable: true })
  sourceRef!: string | null;
}
