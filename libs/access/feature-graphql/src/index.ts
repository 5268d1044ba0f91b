export * from './lib/access-graphql.module';
export * from './lib/access-field.middleware';
export * from './lib/access-audit.plugin';
export * from './lib/access-runtime';
export * from './lib/log-audit.sink';
export * from './lib/request-access';
export * from './lib/access.interceptor';
export * from './lib/audit-log.sink';
