import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

import type { AuditOutcome } from '@spie/audit/domain';

/**
 * One line of the append-only, hash-chained audit log: an access decision about personal data (allowed, refused or
 * answered "not found"). Written only by `AuditService.record`; UPDATE, DELETE and TRUNCATE are refused by triggers,
 * except the retention purge (`audit_purge_before`), which removes the head of the chain and leaves a checkpoint.
 */
@Entity('audit_entry')
@Check('audit_entry_outcome_check', `"outcome" IN ('allowed', 'refused', 'not_found')`)
@Index('audit_entry_person_idx', ['personId', 'seq'], { where: 'person_id IS NOT NULL' })
@Index('audit_entry_actor_login_idx', ['actorLogin', 'seq'])
@Index('audit_entry_organisation_idx', ['organisationId', 'seq'], { where: 'organisation_id IS NOT NULL' })
@Index('audit_entry_at_idx', ['at'])
export class AuditEntryEntity {
  /** Position in the chain: gapless from 1, assigned under the chain lock (bigint, read as a string). */
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  /** When the access happened (UTC). */
  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'text' })
  actorKind!: string;

  @Column({ type: 'text' })
  actorId!: string;

  @Column({ type: 'text' })
  actorLogin!: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  /** The organisation's name at the time, so the person reads it even after a rename. */
  @Column({ type: 'text', nullable: true })
  organisationName!: string | null;

  @Column({ type: 'text', nullable: true })
  purpose!: string | null;

  @Column({ type: 'text', nullable: true })
  legalBasis!: string | null;

  /** Whose data; null when the request named nobody (a refused search). */
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  /** `person.read`, `person.search`, `contract.sign`… */
  @Column({ type: 'text' })
  operation!: string;

  /** Data categories returned. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  maskedFields!: string[];

  @Column({ type: 'text' })
  outcome!: AuditOutcome;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;

  /** `hash` of the previous entry (or of the last purged one, or 64 zeros for the first). */
  @Column({ type: 'text' })
  prevHash!: string;

  /** SHA-256 of the canonical serialisation of this entry and `prevHash` (`@spie/audit/domain` audit-chain.ts). */
  @Column({ type: 'text' })
  hash!: string;
}
