import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { PostalAddress } from '@spie/person/data-access';

export type Organisme = 'caf' | 'msa';

/** The RSA household file at CAF or MSA (key: organisme + MATRICULE). */
@Entity('household')
@Index('household_organisme_matricule_uq', ['organisme', 'matricule'], { unique: true })
export class HouseholdEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  organisme!: Organisme;

  /** CAF/MSA organisme number (`NUMORG`), e.g. `521`. */
  @Column({ type: 'text', nullable: true })
  organismeCode!: string | null;

  @Column({ type: 'text' })
  matricule!: string;

  /** `NUMDEMRSA`: the RSA request number. */
  @Column({ type: 'text', nullable: true })
  numDemRsa!: string | null;

  @Index()
  @Column({ type: 'text' })
  departmentCode!: string;

  /** `SITFAM` code. */
  @Column({ type: 'text', nullable: true })
  familySituation!: string | null;

  /** `TOPSANSDOMFIXE`: no fixed address. */
  @Column({ type: 'boolean', nullable: true })
  homeless!: boolean | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: PostalAddress | null;

  /** Reference date of the latest flux applied: an older flux never overwrites newer state. */
  @Column({ type: 'timestamptz', nullable: true })
  lastReferenceAt!: Date | null;

  /** Hash of the last household content received: an unchanged household is skipped. */
  @Column({ type: 'text', nullable: true })
  contentHash!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
