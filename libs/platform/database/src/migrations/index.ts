import type { MigrationInterface } from 'typeorm';
import { InitialModel1795425297338 } from './1795425297338-initial-model';

type MigrationClass = new () => MigrationInterface;

// Every migration, in order. Generated with `npm run migration:generate -- <name>`, read, then committed; never
// edited after merge.
export const HUB_MIGRATIONS: MigrationClass[] = [
  InitialModel1795425297338,
];
