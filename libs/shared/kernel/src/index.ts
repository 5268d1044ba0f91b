export * from './lib/actor';
export * from './lib/assert-unreachable.util';
export * from './lib/clock';
export * from './lib/custom.exception';
export * from './lib/ids';
export * from './lib/provenance';
export * from './lib/result';
