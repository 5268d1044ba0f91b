import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

/** A person's membership of a household, with its role (`ROLEPERS`) and period. */
@Entity('household_member')
@Index('household_member_open_uq', ['householdId', 'personId'], { unique: true, where: 'valid_to IS NULL' })
export class HouseholdMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  householdId!: string;

  @Index()
  @Column({ type: 'uuid' })
  personId!: string;

  /** `ROLEPERS` code: DEM, CJT, ENF… */
  @Column({ type: 'text' })
  role!: string;

  @Column({ type: 'date' })
  validFrom!: string;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
