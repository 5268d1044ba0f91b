export * from './lib/dtos/person-search.input';
export * from './lib/dtos/person.dto';
export * from './lib/person-exception.filter';
export * from './lib/person-graphql.module';
export * from './lib/person.mapper';
export * from './lib/person.resolver';
