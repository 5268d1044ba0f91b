import { Column } from 'typeorm';

import type { Provenance, SourceSystem } from '@spie/shared/kernel';

/** Embedded in every table that stores facts: which source said it, in which file or call, when, and who recorded it. */
export class ProvenanceColumns implements Provenance {
  @Column({ type: 'text' })
  source!: SourceSystem;

  /** Import batch id, correlation id of the request, partner message id… */
  @Column({ type: 'text', nullable: true })
  sourceRef!: string | null;

  /** When the source observed the fact (reference date of a flux, time of a partner answer). */
  @Column({ type: 'timestamptz', nullable: true })
  observedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  /** Agent id, connector name or `person`. */
  @Column({ type: 'text' })
  recordedBy!: string;
}

export function provenanceOf(value: Provenance): ProvenanceColumns {
  const columns = new ProvenanceColumns();
  columns.source = value.source;
  columns.sourceRef = value.sourceRef ?? null;
  columns.observedAt = value.observedAt ?? null;
  columns.recordedAt = value.recordedAt;
  columns.recordedBy = value.recordedBy;
  return columns;
}
