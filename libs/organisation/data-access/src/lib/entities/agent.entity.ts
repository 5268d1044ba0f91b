import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

import { OrganisationEntity } from './organisation.entity';

/** A professional (or a technical account) acting for one organisation. */
@Entity('agent')
export class AgentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('agent_login_uq', { unique: true })
  @Column({ type: 'text' })
  login!: string;

  @Index()
  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  organisation?: OrganisationEntity;

  @Column({ type: 'text' })
  givenName!: string;

  @Column({ type: 'text' })
  usualName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** E.g. `orientation`, `referent`, `adviser`, `connector`, `dpo`. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  roles!: string[];

  /** OIDC subject at the identity provider (ProConnect `sub`), once known. */
  @Index('agent_oidc_subject_uq', { unique: true, where: 'oidc_subject IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  oidcSubject!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
