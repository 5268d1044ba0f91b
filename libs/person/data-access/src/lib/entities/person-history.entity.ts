import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

/**
 * One row per changed value of a person: the history and the provenance of each field. The NIR's values are never
 * stored here (only the fact that it changed).
 */
@Entity('person_history')
@Index(['personId', 'field', 'provenance.recordedAt'])
export class PersonHistoryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  field!: string;

  @Column({ type: 'jsonb', nullable: true })
  previousValue!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  newValue!: unknown;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
