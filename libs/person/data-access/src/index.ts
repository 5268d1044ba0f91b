export * from './lib/entities/person.entity';
export * from './lib/entities/person-identifier.entity';
export * from './lib/entities/person-history.entity';
export * from './lib/services/nir-cipher.service';
export * from './lib/person.entities';
export * from './lib/person-data-access.module';
export * from './lib/services/person.service';
