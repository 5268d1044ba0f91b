export * from './lib/nir';
export * from './lib/person-identifier-system';
export * from './lib/normalize-name.util';
export * from './lib/person.exception';
