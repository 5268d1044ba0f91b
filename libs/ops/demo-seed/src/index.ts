export * from './lib/demo-catalog';
export * from './lib/demo-dataset';
export * from './lib/demo-random';
export * from './lib/demo-seed';
export * from './lib/demo-oidc-accounts';
export * from './lib/demo-personas';
