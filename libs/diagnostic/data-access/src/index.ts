export * from './lib/entities/diagnostic-item.entity';
export * from './lib/entities/diagnostic-project.entity';
export * from './lib/entities/diagnostic.entity';
export * from './lib/diagnostic.entities';
