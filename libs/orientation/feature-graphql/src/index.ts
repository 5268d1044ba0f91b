export * from './lib/appointment.resolver';
export * from './lib/dtos/appointment.dto';
export * from './lib/dtos/orient-person.input';
export * from './lib/dtos/orientation.dto';
export * from './lib/orientation-exception.filter';
export * from './lib/orientation-graphql.module';
export * from './lib/orientation.mapper';
export * from './lib/orientation.resolver';
