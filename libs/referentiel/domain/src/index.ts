export * from './lib/data/referentiel-v1.data';
export * from './lib/referentiel.exception';
export * from './lib/referentiel.types';
