import type { Command } from 'commander';

import { AgentEntity } from '@spie/organisation/data-access';
import { DevTokenService } from '@spie/platform/auth';
import type { EnvironmentVariables } from '@spie/platform/config';

import { cliEnvironment, openDataSource, say } from '../cli-environment';

export function registerTokenCommand(program: Command): void {
  program
    .command('token <login>')
    .description("Print an access token for a demo account, signed by the hub's development key")
    .option('--ttl <seconds>', 'lifetime in seconds', '3600')
    .option('--acr <acr>', 'authentication context (eidas1, eidas2…)')
    .action(async (login: string, options: { ttl: string; acr?: string }) => {
      const { env, stack } = await cliEnvironment();
      const dataSource = await openDataSource(env);
      try {
        const agent = await dataSource.getRepository(AgentEntity).findOne({ where: { login, active: true } });
        if (!agent) {
          say(`no active account '${login}' (demo accounts: 'npx spie seed --demo' creates them)`);
          process.exitCode = 1;
          return;
        }
        const tokens = new DevTokenService(env as unknown as EnvironmentVariables);
        console.log(await tokens.sign({ sub: login, acr: options.acr }, Number(options.ttl)));
      } finally {
        await dataSource.destroy();
        await stack?.stop();
      }
    });
}
