export * from './lib/contract-graphql.module';
