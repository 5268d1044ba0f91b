export * from './lib/dtos/new-entrant.dto';
export * from './lib/new-entrants.resolver';
export * from './lib/worklist-graphql.module';
