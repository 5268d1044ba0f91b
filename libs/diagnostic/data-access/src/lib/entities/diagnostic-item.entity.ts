import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

import type { DiagnosticEntity } from './diagnostic.entity';

export type DiagnosticItemKind = 'situation' | 'need' | 'constraint' | 'strength' | 'objective';

/**
 * One fact of a diagnostic under a theme: a situation code, a need, a constraint (with a value such as France
 * Travail's OUI/NON/NON_ABORDEE)… Items keep the provenance of the version that first stated them.
 */
@Entity('diagnostic_item')
@Index(['diagnosticId', 'themeCode'])
export class DiagnosticItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  diagnosticId!: string;

  @ManyToOne('DiagnosticEntity', (diagnostic: DiagnosticEntity) => diagnostic.items, { onDelete: 'CASCADE' })
  diagnostic?: DiagnosticEntity;

  /** `theme` code. */
  @Column({ type: 'text' })
  themeCode!: string;

  @Column({ type: 'text' })
  kind!: DiagnosticItemKind;

  /** Code in the list matching the kind (`situation`, `objective`, `ft-contrainte`…). */
  @Column({ type: 'text' })
  code!: string;

  /** Value when the item is graded (OUI, NON, NON_ABORDEE, BESOIN, POINT_FORT…). */
  @Column({ type: 'text', nullable: true })
  value!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
