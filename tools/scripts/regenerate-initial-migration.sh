#!/usr/bin/env bash
# Until the first release, the schema is one migration: this regenerates it from the entities (under a lock, so
# concurrent runs do not collide). After the first release, never edit a merged migration: generate a new one.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec 9>/tmp/spie-migration.lock
flock 9
dir=libs/platform/database/src/migrations
rm -f "$dir"/*-initial-model.ts
cat > "$dir/index.ts" <<'TS'
import type { MigrationInterface } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

// Every migration, in order. Generated with `npm run migration:generate -- <name>`, read, then committed; never
// edited after merge.
export const HUB_MIGRATIONS: MigrationClass[] = [
];
TS
node bin/spie.js migration generate initial-model
