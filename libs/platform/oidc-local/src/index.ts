export * from './lib/local-account';
export * from './lib/local-claims';
export * from './lib/local-oidc.constants';
export * from './lib/local-oidc-keys';
export * from './lib/local-oidc-provider';
export * from './lib/local-token';
