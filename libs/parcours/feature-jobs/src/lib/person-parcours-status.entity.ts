import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ParcoursStage =
  'unknown' | 'rights_pending' | 'to_orient' | 'oriented' | 'in_contract' | 'suspended' | 'closed';

/** A person's derived parcours status, recomputed by the worker after each change (a read model). */
@Entity('person_parcours_status')
@Index(['stage', 'rightOpenedOn'])
export class PersonParcoursStatusEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  stage!: ParcoursStage;

  @Column({ type: 'boolean', default: false })
  subjectToRightsAndDuties!: boolean;

  @Column({ type: 'date', nullable: true })
  rightOpenedOn!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  orientedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  contractSignedAt!: Date | null;

  /** Days from right opened to orientation (or to now when not oriented yet): the 15/30-day target. */
  @Column({ type: 'int', nullable: true })
  daysToOrientation!: number | null;

  @Column({ type: 'timestamptz' })
  computedAt!: Date;
}

/**
 * Persons whose parcours status must be recomputed: written in the transaction that changed their facts (an import
 * chunk), drained by the `drain-parcours-status` job outside it, so that the read model never slows the writers down
 * and no change is forgotten if a worker dies between the two.
 */
@Entity('person_parcours_status_pending')
export class PersonParcoursStatusPendingEntity {
  @PrimaryColumn({ type: 'uuid' })
  personId!: string;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  queuedAt!: Date;
}
