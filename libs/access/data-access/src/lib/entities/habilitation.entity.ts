import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An organisation's habilitation: purpose × legal basis × categories read and written × validity × retention. Revoked
 * with immediate effect (`revoked_at`): every request reads the habilitations afresh.
 */
@Entity('habilitation')
@Index(['organisationId'])
export class HabilitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ type: 'text' })
  legalBasis!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  readCategories!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  writeCategories!: string[];

  @Column({ type: 'timestamptz' })
  validFrom!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  validTo!: Date | null;

  /** Months the organisation keeps what it imports. */
  @Column({ type: 'integer' })
  retentionMonths!: number;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  revocationReason!: string | null;

  @Column({ type: 'text' })
  grantedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
