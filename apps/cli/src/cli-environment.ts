import { DataSource } from 'typeorm';

import { HUB_ENTITIES } from '@spie/ops/schema';
import { hubDataSourceOptions } from '@spie/platform/database';

export {
  WORKSPACE_ROOT,
  LOCAL_DATA_DIR,
  say,
  workspaceEnvironment as cliEnvironment,
} from '@spie/platform/dev-services';

export async function openDataSource(
  env: Record<string, string>,
  applicationName = 'spie-cli',
): Promise<DataSource> {
  const dataSource = new DataSource(
    hubDataSourceOptions({
      url: env['DATABASE_URL'] as string,
      entities: HUB_ENTITIES,
      applicationName,
      poolSize: 4,
    }),
  );
  return dataSource.initialize();
}

/**
 * Node arguments of every worker process the CLI starts: a bounded heap (`WORKER_HEAP_MB`, 384 by default; the
 * pipeline streams, so a worker that needs more has a leak), then `SPIE_WORKER_NODE_ARGS` (e.g. `--cpu-prof` to profile
 * a bench).
 */
export function workerNodeArgs(): string[] {
  const heap = Number(process.env['WORKER_HEAP_MB'] ?? 384);
  return [
    ...(Number.isFinite(heap) && heap > 0 ? [`--max-old-space-size=${Math.round(heap)}`] : []),
    ...(process.env['SPIE_WORKER_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
  ];
}
