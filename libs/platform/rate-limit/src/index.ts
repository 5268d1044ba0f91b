export * from './lib/rate-limit-subject';
export * from './lib/rate-limit.guard';
export * from './lib/rate-limit.module';
export * from './lib/rate-limit.service';
export * from './lib/skip-rate-limit.decorator';
