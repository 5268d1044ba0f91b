import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export type ContractType = 'cer' | 'ppae' | 'cej' | 'pacea' | 'contrat_engagement';
export type ContractStatus = 'draft' | 'signed' | 'active' | 'suspended' | 'ended';

/** A contract of engagement (CER, PPAE, CEJ, PACEA): its life cycle; its content lives in signed versions. */
@Entity('contract')
@Index(['personId', 'status'])
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  type!: ContractType;

  @Column({ type: 'text' })
  status!: ContractStatus;

  /** The organisation that holds the contract (department, France Travail, mission locale, delegate). */
  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid', nullable: true })
  referentAgentId!: string | null;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  /** Number of the version in force (the latest signed one, or the draft). */
  @Column({ type: 'int', default: 1 })
  currentVersion!: number;

  @Column({ type: 'text', nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  rowVersion!: number;
}
