export * from './lib/ingestion-jobs.module';
export * from './lib/source-registry';
export * from './lib/jobs/ingest-payloads';
export * from './lib/jobs/mission-locale-poll.scheduler';
export * from './lib/jobs/ingest-parse-file.job';
export * from './lib/jobs/ingest-apply-chunk.job';
