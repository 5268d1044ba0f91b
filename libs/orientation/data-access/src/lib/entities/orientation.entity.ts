import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { OrientationType } from '@spie/orientation/domain';
import { ProvenanceColumns } from '@spie/platform/database';

/** Codes of `orientation-type` (defined by the domain, re-exported for readers of the entity). */
export type { OrientationType };

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
