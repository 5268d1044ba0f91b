import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Codes of the référentiel list `organisation-type`. */
export type OrganisationType =
  | 'department'
  | 'france_travail_agency'
  | 'mission_locale'
  | 'caf'
  | 'msa'
  | 'plie'
  | 'cap_emploi'
  | 'delegated_operator'
  | 'association';

/** A structure of the SPIE: department, France Travail agency, mission locale, CAF, MSA, PLIE, operator… */
@Entity('organisation')
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: OrganisationType;

  @Column({ type: 'text' })
  name!: string;

  @Index('organisation_siret_uq', { unique: true, where: 'siret IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  siret!: string | null;

  /** France Travail agency code (SAFIR). */
  @Index('organisation_safir_uq', { unique: true, where: 'safir_code IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  safirCode!: string | null;

  /** Partner's own structure code (i-Milo structure, CAF organisme number…). */
  @Column({ type: 'text', nullable: true })
  structureCode!: string | null;

  /** Department code (INSEE, e.g. `052` or `52`, `2A`). */
  @Index()
  @Column({ type: 'text' })
  departmentCode!: string;

  /** Communes (INSEE codes) or postal codes served; empty means the whole department. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  territory!: string[];

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
