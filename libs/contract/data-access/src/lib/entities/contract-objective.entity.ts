import { Column, Entity, ManyToOne, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

import type { ContractActionEntity } from './contract-action.entity';
import type { ContractVersionEntity } from './contract-version.entity';

/** An objective of a contract version: a référentiel `objective` code, or free text under a theme. */
@Entity('contract_objective')
export class ContractObjectiveEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  contractVersionId!: string;

  @ManyToOne('ContractVersionEntity', (version: ContractVersionEntity) => version.objectives, {
    onDelete: 'CASCADE',
  })
  contractVersion?: ContractVersionEntity;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text' })
  themeCode!: string;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text' })
  label!: string;

  /** Follow-up status the objective starts from (`OBJECTIVE_STATUSES`): an amendment carries the current one over. */
  @Column({ type: 'text', default: 'in_progress' })
  initialStatus!: string;

  @OneToMany('ContractActionEntity', (action: ContractActionEntity) => action.objective, {
    cascade: ['insert'],
  })
  actions?: ContractActionEntity[];
}
