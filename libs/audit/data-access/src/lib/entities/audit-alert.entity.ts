import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { AuditAlertKind } from '@spie/audit/domain';

/**
 * An unusual pattern found in the audit log, for the DPO: one actor reading too many persons in an hour (`volume`), or
 * meeting too many "not found"/refused answers in an hour (`outside_portfolio`). One row per incident: a later scan
 * that finds the same actor's window still open raises its count instead of adding a row.
 */
@Entity('audit_alert')
@Check('audit_alert_kind_check', `"kind" IN ('volume', 'outside_portfolio')`)
@Index('audit_alert_actor_idx', ['kind', 'actorId', 'windowEnd'])
@Index('audit_alert_open_idx', ['createdAt'], { where: 'acknowledged_at IS NULL' })
export class AuditAlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: AuditAlertKind;

  @Column({ type: 'text' })
  actorKind!: string;

  @Column({ type: 'text' })
  actorId!: string;

  @Column({ type: 'text' })
  actorLogin!: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'text', nullable: true })
  organisationName!: string | null;

  @Column({ type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'timestamptz' })
  windowEnd!: Date;

  /** Distinct persons read (`volume`) or refused/not-found answers (`outside_portfolio`) in the window. */
  @Column({ type: 'integer' })
  count!: number;

  /** The threshold in force when the alert was raised: the alert means `count > threshold`. */
  @Column({ type: 'integer' })
  threshold!: number;

  /** Operations counted, by name (no personal data). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'text', nullable: true })
  acknowledgedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt!: Date | null;
}
