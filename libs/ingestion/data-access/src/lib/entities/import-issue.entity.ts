import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A rejected record or a warning, by position in the file: the batch report. Never holds a NIR. */
@Entity('import_issue')
@Index(['batchId', 'position'])
export class ImportIssueEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  batchId!: string;

  /** 0 for the file itself. */
  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'text', nullable: true })
  recordKey!: string | null;

  /** `parse` issues are written again when a parse restarts; `apply` issues come from the workers. */
  @Column({ type: 'text', default: 'parse' })
  phase!: 'parse' | 'apply';

  @Column({ type: 'text' })
  severity!: 'error' | 'warning';

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  message!: string;

  @Column({ type: 'text', nullable: true })
  field!: string | null;
}
