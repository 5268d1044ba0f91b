export * from './lib/entities/code-list-entry-revision.entity';
export * from './lib/entities/code-list-entry.entity';
export * from './lib/entities/code-list.entity';
export * from './lib/entities/referentiel-version.entity';
export * from './lib/referentiel.entities';
export * from './lib/referentiel-data-access.module';
export * from './lib/services/referentiel.service';
