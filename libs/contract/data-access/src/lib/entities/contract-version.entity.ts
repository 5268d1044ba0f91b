import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

import type { ContractObjectiveEntity } from './contract-objective.entity';

export type SignatureMethod = 'in_person' | 'electronic' | 'paper';

/**
 * The content of a contract at one version. Once signed (`signedAt` set) it is immutable: the domain refuses changes
 * and a database trigger refuses UPDATE and DELETE. An amendment is a new version.
 */
@Entity('contract_version')
@Index('contract_version_uq', ['contractId', 'version'], { unique: true })
export class ContractVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  contractId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  signedByAgentId!: string | null;

  /** The person's own agreement, with how it was given. */
  @Column({ type: 'boolean', nullable: true })
  personAgreed!: boolean | null;

  @Column({ type: 'text', nullable: true })
  signatureMethod!: SignatureMethod | null;

  /** SHA-256 of the signed content (objectives, actions, dates), recorded at signature. */
  @Column({ type: 'text', nullable: true })
  contentHash!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany('ContractObjectiveEntity', (objective: ContractObjectiveEntity) => objective.contractVersion, {
    cascade: ['insert'],
  })
  objectives?: ContractObjectiveEntity[];
}
