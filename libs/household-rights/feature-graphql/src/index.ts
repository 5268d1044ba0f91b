export * from './lib/household-rights-graphql.module';
