export * from './lib/factories';
export * from './lib/worker-process';
export * from './lib/caf-flux';
export * from './lib/test-oidc-accounts';
export * from './lib/scratch-database';
export * from './lib/ingest-accounts';
