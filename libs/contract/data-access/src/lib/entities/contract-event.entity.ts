import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

/** Every transition of a contract's status (created, signed, activated, suspended, resumed, ended, amended). */
@Entity('contract_event')
@Index(['contractId', 'provenance.recordedAt'])
export class ContractEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  contractId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ type: 'text' })
  toStatus!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
