export * from './lib/audit-jobs.module';
export * from './lib/audit-schedulers';
export * from './lib/jobs/audit-alert-scan.job';
export * from './lib/jobs/audit-payloads';
export * from './lib/jobs/retention-run.job';
