export * from './lib/access-log-labels';
export * from './lib/alert-rules';
export * from './lib/audit-chain';
export * from './lib/audit.exception';
export * from './lib/retention-policy';
