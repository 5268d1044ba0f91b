export * from './lib/referentiel-graphql.module';
