import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('code_list')
export class CodeListEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  label!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text', nullable: true })
  parentList!: string | null;
}
