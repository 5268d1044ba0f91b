export * from './lib/diagnostic-code-references';
export * from './lib/diagnostic-input';
export * from './lib/diagnostic-snapshot';
export * from './lib/diagnostic.exception';
export * from './lib/diagnostic-correction';
