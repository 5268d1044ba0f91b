import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

export type OrientationType = 'social' | 'socio_pro' | 'pro';

/**
 * A department's orientation decision: type, structure and référent unique. Rows are only appended; the current
 * orientation is the latest one not superseded, the full history is the table.
 */
@Entity('orientation')
@Index(['personId', 'decidedAt'])
@Index('orientation_current_uq', ['personId'], { unique: true, where: 'superseded_at IS NULL' })
export class OrientationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  type!: OrientationType;

  @Column({ type: 'uuid' })
  structureId!: string;

  @Column({ type: 'uuid', nullable: true })
  referentAgentId!: string | null;

  @Column({ type: 'timestamptz' })
  decidedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedByAgentId!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
