import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

import type { FollowUpPartner, PartnerActionStatus } from '@spie/orientation/domain';
import { ProvenanceColumns } from '@spie/platform/database';

/**
 * An action or prestation a partner prescribed to a person (France Travail "fichier actions": workshops, trainings,
 * the CEJ…), one row per person and natural key (`partnerActionKey`: code, prescription date, label). The partner's
 * later files complete the dates; the provenance is that of the last change.
 */
@Entity('partner_action')
@Index('partner_action_key_uq', ['personId', 'partner', 'actionKey'], { unique: true })
export class PartnerActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  partner!: FollowUpPartner;

  @Column({ type: 'text' })
  actionKey!: string;

  /** The partner's action code (`A14`, `CEJ`; France Travail's `XXX` says nothing). */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  /** Référentiel `theme` code of the label, when the categorisation knows it. */
  @Column({ type: 'text', nullable: true })
  themeCode!: string | null;

  /** Derived from the dates given (`partnerActionStatus`), never from today's date. */
  @Column({ type: 'text' })
  status!: PartnerActionStatus;

  @Column({ type: 'date', nullable: true })
  prescribedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  plannedStartOn!: string | null;

  @Column({ type: 'date', nullable: true })
  startOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endOn!: string | null;

  /** Date of realisation, as the partner records it. */
  @Column({ type: 'date', nullable: true })
  doneOn!: string | null;

  @Column({ type: 'text', nullable: true })
  trainingObjective!: string | null;

  /** Training domain. */
  @Column({ type: 'text', nullable: true })
  training!: string | null;

  /** INSEE code of the person's commune when the action was recorded. */
  @Column({ type: 'text', nullable: true })
  communeCode!: string | null;

  /** SHA-256 of the values above: the same line sent again changes nothing. */
  @Column({ type: 'text' })
  contentHash!: string;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
