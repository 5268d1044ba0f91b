import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

/**
 * Follow-up of an objective of a signed version (in progress → reached, not reached, abandoned): appended, never
 * rewritten; the latest row is current. The signed version itself never changes.
 */
@Entity('contract_objective_status')
@Index(['objectiveId', 'provenance.recordedAt'])
export class ContractObjectiveStatusEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  objectiveId!: string;

  /** One of `OBJECTIVE_STATUSES`. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
