import { HUB_ENTITIES } from '@spie/ops/schema';
import {
  createScratchDatabase as createScratchDatabaseOf,
  type ScratchDatabase,
} from '@spie/platform/database';

export type { ScratchDatabase };

/** A migrated database of the test's own with every entity of the hub (see `createScratchDatabase` of the platform). */
export function createScratchDatabase(name: string): Promise<ScratchDatabase> {
  return createScratchDatabaseOf(name, HUB_ENTITIES);
}
