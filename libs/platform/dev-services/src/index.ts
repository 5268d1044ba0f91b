export * from './lib/embedded-postgres.service';
export * from './lib/local-secrets';
export * from './lib/ports';
export * from './lib/redis-server.service';
export * from './lib/local-stack';
export * from './lib/workspace-environment';
