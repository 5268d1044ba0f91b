import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { PersonEntity } from './person.entity';

/**
 * A person's sign-in account at an OpenID issuer (FranceConnect, or the local provider): linked to their record at the
 * first sign-in whose pivot identity matched exactly one person, then found by (issuer, subject) alone.
 */
@Entity('person_account')
@Index('person_account_issuer_subject_uq', ['issuer', 'subject'], { unique: true })
export class PersonAccountEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  issuer!: string;

  /** The issuer's `sub` (FranceConnect's is pairwise: one per service). */
  @Column({ type: 'text' })
  subject!: string;

  @Index('person_account_person_idx')
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  person?: PersonEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt!: Date;
}
