export * from './lib/correlation';
export * from './lib/logger';
export * from './lib/redaction';
