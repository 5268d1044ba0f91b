/** Where a value came from: every stored fact carries one. */
export const SOURCE_SYSTEMS = [
  'caf',
  'msa',
  'france_travail',
  'mission_locale',
  'department',
  'hub',
  'person',
] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

export interface Provenance {
  /** Which system said it. */
  source: SourceSystem;
  /** Which file, message or API call (an import batch id, a request correlation id…). */
  sourceRef?: string | null;
  /** When the source observed it (reference date of a flux, time of an API answer). */
  observedAt?: Date | null;
  /** When the hub recorded it. */
  recordedAt: Date;
  /** Who recorded it: an agent id, a connector name or `person`. */
  recordedBy: string;
}
