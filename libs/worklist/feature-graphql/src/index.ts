export * from './lib/dtos/new-entrant.dto';
export * from './lib/new-entrants.resolver';
export * from './lib/worklist-graphql.module';
export * from './lib/dtos/portfolio-entry.dto';
export * from './lib/portfolio.resolver';
