export * from './lib/factories';
export * from './lib/worker-process';
export * from './lib/caf-flux';
