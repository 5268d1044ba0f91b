export * from './lib/factories';
export * from './lib/worker-process';
