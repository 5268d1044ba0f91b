import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The state of an entry in one version, appended whenever a version changes it: the label history. */
@Entity('code_list_entry_revision')
@Index(['listCode', 'code', 'version'], { unique: true })
export class CodeListEntryRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  listCode!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}
