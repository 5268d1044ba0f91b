import type { IngestSource } from '@spie/ingestion/domain';

/**
 * The account `spie ingest` and `spie imports replay` act as when neither `--as` nor `SPIE_INGEST_AS` names one: the
 * technical account of the partner that sends such files, as the demo dataset names them. The CLI never acts as
 * itself: a batch acts for an agent account, whose habilitation says what the batch may write (and who answers for
 * it). Another installation names its own accounts with `--as` or `SPIE_INGEST_AS`.
 */
export const DEFAULT_INGEST_ACCOUNTS: Readonly<Record<IngestSource, string>> = {
  'caf-msa': 'caf-connector',
  'france-travail-principal': 'ft-connector',
  'france-travail-actions': 'ft-connector',
  'france-travail-diagnostic': 'ft-connector',
  department: 'cd52-connector',
  'mission-locale': 'ml-connector',
};

/** The login to act as for `source`: `--as`, else `SPIE_INGEST_AS`, else the source's default technical account. */
export function ingestAccount(source: IngestSource, option?: string): string {
  return option || process.env['SPIE_INGEST_AS'] || DEFAULT_INGEST_ACCOUNTS[source];
}
