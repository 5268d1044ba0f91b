import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { RsaStatus } from '@spie/household-rights/domain';
import { ProvenanceColumns } from '@spie/platform/database';

/** Plain status derived from `ETATDOSRSA` (defined by the domain, re-exported for readers of the entity). */
export type { RsaStatus };

/**
 * The RSA right of a household (and, for person-level facts such as rights and duties, of one member) for one
 * reference month. Rows are only appended: the history is the table.
 */
@Entity('rsa_right_status')
@Index(['householdId', 'referenceMonth'])
@Index(['personId', 'referenceMonth'])
export class RsaRightStatusEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  householdId!: string;

  /** Null for the household's own state; set for person-level facts. */
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  /** First day of the reference month (`DTREF`). */
  @Column({ type: 'date' })
  referenceMonth!: string;

  /** `ETATDOSRSA` 0–6. */
  @Column({ type: 'text' })
  etatDossier!: string;

  @Column({ type: 'text' })
  status!: RsaStatus;

  /** Date the right was opened (`DTDEMRSA` / first open month). */
  @Column({ type: 'date', nullable: true })
  openedOn!: string | null;

  /** `MOTISUSVERSRSA` code. */
  @Column({ type: 'text', nullable: true })
  suspensionReason!: string | null;

  @Column({ type: 'date', nullable: true })
  suspendedOn!: string | null;

  /** `MOTICLORSA` code. */
  @Column({ type: 'text', nullable: true })
  closureReason!: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn!: string | null;

  /** `TOPPERSDRODEVORSA`: soumis aux droits et devoirs. */
  @Column({ type: 'boolean', nullable: true })
  subjectToRightsAndDuties!: boolean | null;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
