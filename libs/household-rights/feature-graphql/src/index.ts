export * from './lib/dtos/household-rights.dto';
export * from './lib/household-rights-exception.filter';
export * from './lib/household-rights-graphql.module';
export * from './lib/household-rights.mapper';
export * from './lib/household-rights.resolver';
