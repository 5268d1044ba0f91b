export * from './lib/categories';
export * from './lib/legal-frame';
export * from './lib/policy';
export * from './lib/field-categories';
export * from './lib/access-matrix';
export * from './lib/person-choices';
export * from './lib/write-rights';
