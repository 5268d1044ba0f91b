export * from './lib/entities/diagnostic-item.entity';
export * from './lib/entities/diagnostic-project.entity';
export * from './lib/entities/diagnostic.entity';
export * from './lib/diagnostic.entities';
export * from './lib/diagnostic-data-access.module';
export * from './lib/services/diagnostic.service';
