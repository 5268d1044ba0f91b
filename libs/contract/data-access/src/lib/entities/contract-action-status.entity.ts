import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

/** Follow-up of an action (planned → in progress → done…): appended, never rewritten; the latest row is current. */
@Entity('contract_action_status')
@Index(['actionId', 'provenance.recordedAt'])
export class ContractActionStatusEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  actionId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
