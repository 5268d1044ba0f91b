export * from './lib/contract-content';
export * from './lib/contract-lifecycle';
export * from './lib/contract.exception';
