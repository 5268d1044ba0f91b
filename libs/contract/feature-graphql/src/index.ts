export * from './lib/contract-exception.filter';
export * from './lib/contract-graphql.module';
export * from './lib/contract-version.resolver';
export * from './lib/contract.mapper';
export * from './lib/contract.resolver';
export * from './lib/dtos/contract.dto';
export * from './lib/dtos/contract.input';
export * from './lib/person-contract.resolver';
