import { Column, Entity, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

import type { DiagnosticEntity } from './diagnostic.entity';

/** A professional project: a target job (ROME code) with its conditions. */
@Entity('diagnostic_project')
export class DiagnosticProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  diagnosticId!: string;

  @ManyToOne('DiagnosticEntity', (diagnostic: DiagnosticEntity) => diagnostic.projects, {
    onDelete: 'CASCADE',
  })
  diagnostic?: DiagnosticEntity;

  /** ROME code, e.g. `K1303`. */
  @Column({ type: 'text' })
  romeCode!: string;

  @Column({ type: 'text', nullable: true })
  label!: string | null;

  @Column({ type: 'int', nullable: true })
  mobilityRadiusKm!: number | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
