import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import type { ContractObjectiveEntity } from './contract-objective.entity';

/** An action planned under an objective; its follow-up statuses live in `contract_action_status`. */
@Entity('contract_action')
export class ContractActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  objectiveId!: string;

  @ManyToOne('ContractObjectiveEntity', (objective: ContractObjectiveEntity) => objective.actions, {
    onDelete: 'CASCADE',
  })
  objective?: ContractObjectiveEntity;

  @Column({ type: 'int' })
  position!: number;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  /** Initial `action-status` at signature. */
  @Column({ type: 'text' })
  initialStatus!: string;
}
