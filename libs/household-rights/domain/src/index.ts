export * from './lib/household-rights.exception';
export * from './lib/reference-month.util';
export * from './lib/rsa-right-history';
export * from './lib/rsa-status';
