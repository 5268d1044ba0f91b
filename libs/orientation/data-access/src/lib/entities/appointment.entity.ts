import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { AppointmentPartner, AppointmentStatus } from '@spie/orientation/domain';
import { ProvenanceColumns } from '@spie/platform/database';

/**
 * An appointment a partner planned with a person (a mission locale's i-Milo `RDV`), one row per partner and partner
 * id: later events update it (a new time, present, absent) or cancel it, and an older event never overwrites a newer
 * state. The provenance is that of the last change.
 */
@Entity('appointment')
@Index('appointment_partner_key_uq', ['partner', 'externalId'], { unique: true })
@Index(['personId', 'startsAt'])
export class AppointmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  /** Who planned it (`APPOINTMENT_PARTNERS`). */
  @Column({ type: 'text' })
  partner!: AppointmentPartner;

  /** The partner's id of the appointment (i-Milo RDV id). */
  @Column({ type: 'text' })
  externalId!: string;

  /** The structure the appointment is with, when the hub knows it (the partner's current follow-up of the person). */
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'timestamptz' })
  startsAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endsAt!: Date | null;

  /** The partner's label of the kind of appointment (`Entretien individuel`, `Téléphone`…). */
  @Column({ type: 'text', nullable: true })
  kind!: string | null;

  @Column({ type: 'text', nullable: true })
  subject!: string | null;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  /** The adviser's name as the partner writes it. */
  @Column({ type: 'text', nullable: true })
  withWhom!: string | null;

  @Column({ type: 'text' })
  status!: AppointmentStatus;

  /** SHA-256 of the facts above: the same state sent again changes nothing. */
  @Column({ type: 'text' })
  contentHash!: string;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
