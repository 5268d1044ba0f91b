import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An opposition (`deny`) or a consent (`permit`) of a person, shaped like a FHIR Consent: who (`person_id`), what
 * (`categories`), which partners (`organisation_ids`, empty = all), which purposes (empty = all), when (`period_*`),
 * and how it was verified (`verification_method`, `verified_by`). Withdrawn, never deleted: the history stays.
 */
@Entity('consent')
@Index(['personId', 'status'])
export class ConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  decision!: 'deny' | 'permit';

  @Column({ type: 'text', array: true })
  categories!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  organisationIds!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  purposes!: string[];

  @Column({ type: 'timestamptz' })
  periodStart!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  periodEnd!: Date | null;

  @Column({ type: 'text', default: 'active' })
  status!: 'active' | 'inactive';

  /** `franceconnect` (the person, signed in), `in_person` or `letter` (recorded by an agent). */
  @Column({ type: 'text' })
  verificationMethod!: string;

  /** Who recorded it: the person's own login or the agent's. */
  @Column({ type: 'text' })
  verifiedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawnBy!: string | null;
}
