import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A published version of the référentiel; loading a version never rewrites person data (which stores codes). */
@Entity('referentiel_version')
export class ReferentielVersionEntity {
  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ type: 'date' })
  publishedAt!: string;

  @Column({ type: 'text' })
  description!: string;

  /** SHA-256 of the version's content: loading the same version twice is a no-op, a different content is refused. */
  @Column({ type: 'text' })
  contentHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  loadedAt!: Date;
}
