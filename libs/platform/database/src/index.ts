export * from './lib/data-source-options';
export * from './lib/migration-runner';
export * from './lib/provenance.columns';
export * from './lib/schema-diff';
export * from './lib/copy-rows';
export * from './lib/hub-typeorm-logger';
export * from './lib/scratch-database';
