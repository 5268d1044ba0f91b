export * from './lib/dtos/organisation.dto';
export * from './lib/organisation-graphql.module';
export * from './lib/organisation-loaders';
export * from './lib/organisation.mapper';
