export * from './lib/dtos/referentiel.dto';
export * from './lib/referentiel-exception.filter';
export * from './lib/referentiel-graphql.module';
export * from './lib/referentiel-loaders';
export * from './lib/referentiel.mapper';
export * from './lib/referentiel.resolver';
