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
