export * from './lib/diagnostic-graphql.module';
