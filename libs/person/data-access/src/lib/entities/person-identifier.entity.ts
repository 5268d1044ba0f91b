import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';
import type { PersonIdentifierSystem } from '@spie/person/domain';

import type { PersonEntity } from './person.entity';

/** The person's id in a partner system (CAF dossier and role, France Travail id, i-Milo dossier, department SI id). */
@Entity('person_identifier')
@Index('person_identifier_system_value_uq', ['system', 'value'], { unique: true })
export class PersonIdentifierEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne('PersonEntity', (person: PersonEntity) => person.identifiers, { onDelete: 'CASCADE' })
  person?: PersonEntity;

  @Column({ type: 'text' })
  system!: PersonIdentifierSystem;

  @Column({ type: 'text' })
  value!: string;

  /** E.g. the role in a CAF household (`DEM`, `CJT`). */
  @Column({ type: 'text', nullable: true })
  qualifier!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
