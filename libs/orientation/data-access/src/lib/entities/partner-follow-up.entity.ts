import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { FollowUpKind, FollowUpPartner } from '@spie/orientation/domain';
import { ProvenanceColumns } from '@spie/platform/database';

/**
 * One state of a partner's follow-up of a person (France Travail registration and PPAE, a CEJ), as the partner
 * stated it. Rows are only appended: a changed state supersedes the current row, so the history of the follow-up is
 * the table, each state with its provenance (source, batch, observed and recorded at). There is at most one current
 * row per person, partner and kind.
 */
@Entity('partner_follow_up')
@Index('partner_follow_up_current_uq', ['personId', 'partner', 'kind'], {
  unique: true,
  where: 'superseded_at IS NULL',
})
@Index(['personId', 'partner', 'kind', 'provenance.recordedAt'])
export class PartnerFollowUpEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  partner!: FollowUpPartner;

  @Column({ type: 'text' })
  kind!: FollowUpKind;

  /** The hub's organisation for `structureCode` (France Travail agency by SAFIR code, mission locale by code). */
  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  /** The partner's code of the structure that holds the follow-up (SAFIR code, i-Milo structure code). */
  @Column({ type: 'text', nullable: true })
  structureCode!: string | null;

  @Column({ type: 'text', nullable: true })
  structureName!: string | null;

  /** The structure that actually follows the person, when the partner names another one (`struct_suivi`). */
  @Column({ type: 'text', nullable: true })
  followUpStructure!: string | null;

  @Column({ type: 'date', nullable: true })
  registeredOn!: string | null;

  /** France Travail registration category (1 to 5). */
  @Column({ type: 'text', nullable: true })
  registrationCategory!: string | null;

  @Column({ type: 'text', nullable: true })
  registrationReasonCode!: string | null;

  @Column({ type: 'text', nullable: true })
  registrationReason!: string | null;

  /** As the partner writes it (`SUIVI`, `GUIDE`, `RENFORCE`, `GLOBAL`…). */
  @Column({ type: 'text', nullable: true })
  accompanimentMode!: string | null;

  @Column({ type: 'text', nullable: true })
  referentCivility!: string | null;

  @Column({ type: 'text', nullable: true })
  referentLastName!: string | null;

  @Column({ type: 'text', nullable: true })
  referentFirstName!: string | null;

  @Column({ type: 'text', nullable: true })
  referentEmail!: string | null;

  @Column({ type: 'date', nullable: true })
  startOn!: string | null;

  @Column({ type: 'date', nullable: true })
  plannedEndOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endOn!: string | null;

  @Column({ type: 'date', nullable: true })
  lastPpaeInterviewOn!: string | null;

  @Column({ type: 'date', nullable: true })
  lastInterviewOn!: string | null;

  /** PPAE work axes, in the partner's order. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  workAxes!: string[];

  /** Whether the partner counts the person as an RSA beneficiary. */
  @Column({ type: 'boolean', nullable: true })
  rsaBeneficiary!: boolean | null;

  /** SHA-256 of the facts: a state stated again unchanged adds no row. */
  @Column({ type: 'text' })
  contentHash!: string;

  @Column({ type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
