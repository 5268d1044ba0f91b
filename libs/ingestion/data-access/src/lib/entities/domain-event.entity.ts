import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import { ProvenanceColumns } from '@spie/platform/database';

export const DOMAIN_EVENT_TYPES = [
  'person.created',
  'rsa.right_opened',
  'rsa.right_suspended',
  'rsa.right_closed',
  'person.entered_rights_and_duties',
  'person.needs_orientation',
  'household.absent_from_stock',
  /** A partner's follow-up (France Travail PPAE, CEJ) was stated for the first time or changed. */
  'partner.follow_up_changed',
  /** A partner's diagnostic statement made a new diagnostic version. */
  'diagnostic.recorded',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/** The outbox of facts other parts of the hub react to (notifications, orientation queue), written with the change. */
@Entity('domain_event')
@Index(['type', 'provenance.recordedAt'])
export class DomainEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: DomainEventType;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  householdId!: string | null;

  /** When it happened in the source's terms (the reference month of the flux…). */
  @Column({ type: 'date', nullable: true })
  effectiveOn!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @Column(() => ProvenanceColumns, { prefix: false })
  provenance!: ProvenanceColumns;
}
