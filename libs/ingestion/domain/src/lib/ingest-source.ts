/** The sources a file or message can come from, as named on the command line and in `POST /imports/<source>`. */
export const INGEST_SOURCES = [
  'caf-msa',
  'france-travail-principal',
  'france-travail-actions',
  'france-travail-diagnostic',
  'department',
  'mission-locale',
] as const;

export type IngestSource = (typeof INGEST_SOURCES)[number];

export function isIngestSource(value: string): value is IngestSource {
  return (INGEST_SOURCES as readonly string[]).includes(value);
}
