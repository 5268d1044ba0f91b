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

/** Provenance of a value written through the gateway by an actor (agent or person). */
export function actorProvenance(
  actor: { kind: 'agent' | 'person' | 'system'; id: string },
  correlationId: string | undefined,
  now: Date = new Date(),
): Provenance {
  return {
    source: actor.kind === 'person' ? 'person' : 'hub',
    sourceRef: correlationId ?? null,
    observedAt: now,
    recordedAt: now,
    recordedBy: actor.kind === 'person' ? 'person' : actor.id,
  };
}
