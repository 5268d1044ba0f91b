export * from './lib/orientation-graphql.module';
