import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

import type { DiagnosticItemEntity } from './diagnostic-item.entity';
import type { DiagnosticProjectEntity } from './diagnostic-project.entity';

/** An immutable snapshot of a person's socio-professional diagnostic; each change records a new version. */
@Entity('diagnostic')
@Index('diagnostic_person_version_uq', ['personId', 'version'], { unique: true })
export class DiagnosticEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'int' })
  version!: number;

  /** Référentiel version the codes were chosen from. */
  @Column({ type: 'text' })
  referentielVersion!: string;

  /** `education-level` code. */
  @Column({ type: 'text', nullable: true })
  educationLevel!: string | null;

  /** `work-situation` code. */
  @Column({ type: 'text', nullable: true })
  workSituation!: string | null;

  @Column({ type: 'date', nullable: true })
  workSituationSince!: string | null;

  @Column({ type: 'boolean', nullable: true })
  rqth!: boolean | null;

  @Column({ type: 'uuid', nullable: true })
  authorOrganisationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  authorAgentId!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @OneToMany('DiagnosticItemEntity', (item: DiagnosticItemEntity) => item.diagnostic, { cascade: ['insert'] })
  items?: DiagnosticItemEntity[];

  @OneToMany('DiagnosticProjectEntity', (project: DiagnosticProjectEntity) => project.diagnostic, {
    cascade: ['insert'],
  })
  projects?: DiagnosticProjectEntity[];
}
