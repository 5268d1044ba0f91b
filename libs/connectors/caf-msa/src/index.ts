export * from './lib/caf-flux.types';
export * from './lib/caf-flux.parser';
export * from './lib/caf-flux.schema';
export * from './lib/xsd-model';
export * from './lib/flux-validator';
export * from './lib/generator';
