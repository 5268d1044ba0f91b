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
