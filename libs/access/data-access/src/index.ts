export * from './lib/entities/habilitation.entity';
export * from './lib/entities/consent.entity';
export * from './lib/access.entities';
export * from './lib/access-data-access.module';
export * from './lib/services/access.service';
export * from './lib/services/consent.service';
export * from './lib/services/habilitation.service';
