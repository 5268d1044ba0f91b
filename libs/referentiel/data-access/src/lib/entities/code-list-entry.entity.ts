import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One code of a list, as of the latest loaded version. Earlier labels are kept in `code_list_entry_revision`. */
@Entity('code_list_entry')
@Index('code_list_entry_list_code_uq', ['listCode', 'code'], { unique: true })
export class CodeListEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  listCode!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  externalCodes!: Record<string, string>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, string | number | boolean>;

  @Column({ type: 'date' })
  validFrom!: string;

  /** Set when a later version closes the entry: it stays readable for existing data but is no longer offered. */
  @Column({ type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'text' })
  introducedIn!: string;

  @Column({ type: 'text' })
  lastChangedIn!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
