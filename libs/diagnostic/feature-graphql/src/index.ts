export * from './lib/diagnostic-exception.filter';
export * from './lib/diagnostic-graphql.module';
export * from './lib/diagnostic.mapper';
export * from './lib/diagnostic.resolver';
export * from './lib/dtos/diagnostic.dto';
export * from './lib/dtos/record-diagnostic.input';
export * from './lib/person-diagnostic.resolver';
