export * from './lib/ingestion-graphql.module';
export * from './lib/ingestion-exception.filter';
