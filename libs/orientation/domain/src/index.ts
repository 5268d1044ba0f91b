export * from './lib/orientation-decision';
export * from './lib/orientation-type';
export * from './lib/orientation.exception';
export * from './lib/partner-follow-up';
export * from './lib/appointment';
