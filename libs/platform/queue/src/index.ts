export * from './lib/job-id';
export * from './lib/job-queue.service';
export * from './lib/queue-names';
export * from './lib/queue-options';
export * from './lib/queue.module';
export * from './lib/job-envelope.payload';
export * from './lib/job-handler.decorator';
export * from './lib/job-payload.validation';
