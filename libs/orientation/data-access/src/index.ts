export * from './lib/entities/orientation.entity';
export * from './lib/orientation.entities';
