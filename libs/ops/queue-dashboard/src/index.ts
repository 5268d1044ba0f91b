export * from './lib/queue-dashboard.module';
export * from './lib/admin-session';
