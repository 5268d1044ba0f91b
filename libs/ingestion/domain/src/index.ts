export * from './lib/ingest-source';
export * from './lib/rejection';
export * from './lib/parsed-item';
export * from './lib/observations';
export * from './lib/values';
export * from './lib/import-progress';
export * from './lib/import-options';
export * from './lib/ingestion.exception';
