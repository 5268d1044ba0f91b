export * from './lib/entities/orientation.entity';
export * from './lib/orientation.entities';
export * from './lib/orientation-data-access.module';
export * from './lib/services/orientation.service';
