export * from './lib/person-parcours-status.entity';
