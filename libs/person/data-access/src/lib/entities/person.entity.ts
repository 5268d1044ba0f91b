import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

import type { PersonIdentifierEntity } from './person-identifier.entity';

export type Sex = 'F' | 'M';

export interface PostalAddress {
  lines: string[];
  postalCode: string | null;
  city: string | null;
  inseeCode?: string | null;
  country?: string | null;
}

/** A person known to the hub, with or without a NIR. Identity values carry their provenance in `person_history`. */
@Entity('person')
@Index('person_identity_idx', ['lastNameNormalized', 'birthDate'])
// Identity matching by birth name looks up (name, birth date) pairs: a name-only index made PostgreSQL scan the table.
@Index('person_birth_identity_idx', ['birthNameNormalized', 'birthDate'])
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Nom d'usage. */
  @Column({ type: 'text' })
  lastName!: string;

  /** Nom de naissance, when different. */
  @Column({ type: 'text', nullable: true })
  birthName!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  firstNames!: string[];

  /** Upper case without accents, for identity matching. */
  @Column({ type: 'text' })
  lastNameNormalized!: string;

  @Column({ type: 'text', nullable: true })
  birthNameNormalized!: string | null;

  @Column({ type: 'text' })
  firstNameNormalized!: string;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text', nullable: true })
  birthPlace!: string | null;

  @Column({ type: 'text', nullable: true })
  sex!: Sex | null;

  /** AES-256-GCM ciphertext of the 15-character NIR (base64: iv.tag.data). Never logged, never selected by default. */
  @Column({ type: 'text', nullable: true, select: false })
  nirEncrypted!: string | null;

  /** HMAC-SHA256 of the 13-character base: the only way to look a NIR up. */
  @Index('person_nir_hash_uq', { unique: true, where: 'nir_hash IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  nirHash!: string | null;

  /** True when the key was computed from a 13-character NIR (CAF/MSA), false when a 15-character NIR was checked. */
  @Column({ type: 'boolean', nullable: true })
  nirKeyComputed!: boolean | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  address!: PostalAddress | null;

  /** Last individual contact with a professional: the start of the retention period (CASF R.263-8). */
  @Column({ type: 'timestamptz', nullable: true })
  lastContactAt!: Date | null;

  /**
   * Set by the retention run 2 years after the last individual contact (intermediate archive, CASF R.263-8): the
   * person is hidden from agents' reads, and destroyed 2 years later. Cleared when a later contact is recorded.
   */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt!: Date | null;

  /** When it was established that the person does not benefit from the services: destroyed by the next retention run. */
  @Column({ type: 'timestamptz', nullable: true })
  notBeneficiaryAt!: Date | null;

  /** Login of who established it. */
  @Column({ type: 'text', nullable: true })
  notBeneficiaryBy!: string | null;

  @Column({ type: 'text', nullable: true })
  notBeneficiaryReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @OneToMany('PersonIdentifierEntity', (identifier: PersonIdentifierEntity) => identifier.person)
  identifiers?: PersonIdentifierEntity[];
}
