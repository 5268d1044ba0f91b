import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CorrectionTopic = 'identity' | 'diagnostic';
export type CorrectionStatus = 'pending' | 'accepted' | 'declined';

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

  /** Correlation id of the request that created it. */
  @Column({ type: 'text', nullable: true })
  sourceRef!: string | null;
}
