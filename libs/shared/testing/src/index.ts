export * from './lib/factories';
export * from './lib/shared-fixtures';
