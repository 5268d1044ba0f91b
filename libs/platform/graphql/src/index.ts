export * from './lib/format-graphql-error';
export * from './lib/graphql-error-code';
export * from './lib/scalars';
export * from './lib/validation.pipe';
export * from './lib/request-loaders';
export * from './lib/graphql-hardening';
export * from './lib/graphql-character-limit.middleware';
export * from './lib/page-info.dto';
