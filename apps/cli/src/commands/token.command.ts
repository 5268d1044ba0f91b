import type { Command } from 'commander';

import { demoOidcAccounts } from '@spie/ops/demo-seed';
import {
  DEFAULT_LOCAL_OIDC_PORT,
  issueLocalToken,
  startLocalOidcProvider,
  staticAccountDirectory,
} from '@spie/platform/oidc-local';

import { LOCAL_DATA_DIR, say } from '../cli-environment';
import { runningStack } from '@spie/platform/dev-services';

const ACR_CHOICES = ['eidas1', '2fa'] as const;

/**
 * `spie token <login>`: signs a demo account in at the local OpenID provider, over HTTP like a browser (the sign-in form,
 * the one-time code with `--acr 2fa`, the code exchange), and prints the access token. It uses the provider of the
 * running `npm start`, or starts one for the command with the same keys; it refuses when the hub trusts another issuer.
 */
export function registerTokenCommand(program: Command): void {
  program
    .command('token <login>')
    .description('Print an access token of the local OpenID provider for a demo account (agent or person)')
    .option('--ttl <seconds>', 'lifetime of the token in seconds, 1 to 86400', '3600')
    .option('--acr <level>', `eidas1 (one factor) or 2fa (the demo one-time code is typed)`, 'eidas1')
    .action(async (login: string, options: { ttl: string; acr: string }) => {
      const accounts = demoOidcAccounts();
      const account = accounts.find((candidate) => candidate.login === login);
      const ttl = Number(options.ttl);
      const problem = !account
        ? `no demo account '${login}' (agents of the demo catalogue and ${accounts
            .filter((a) => a.kind === 'person')
            .map((a) => a.login)
            .join(', ')})`
        : !(ACR_CHOICES as readonly string[]).includes(options.acr)
          ? `--acr is ${ACR_CHOICES.join(' or ')}`
          : !Number.isInteger(ttl) || ttl < 1 || ttl > 86_400
            ? '--ttl is a number of seconds from 1 to 86400'
            : localIssuerProblem();
      if (problem || !account) {
        say(problem ?? 'unknown account');
        process.exitCode = 1;
        return;
      }
      const running = runningStack();
      const provider = running
        ? undefined
        : await startLocalOidcProvider({
            dataDir: LOCAL_DATA_DIR,
            accounts: staticAccountDirectory(accounts),
            port: Number(process.env['SPIE_OIDC_PORT'] ?? DEFAULT_LOCAL_OIDC_PORT),
          });
      const issuer = provider?.issuer ?? (running?.env['OIDC_ISSUER'] as string);
      if (provider)
        say(`no npm start is running: signed in at a local provider started for this command (${issuer})`);
      try {
        console.log(
          await issueLocalToken({
            issuer,
            login,
            kind: account.kind,
            twoFactor: options.acr === '2fa',
            ttlSeconds: ttl,
          }),
        );
      } finally {
        await provider?.close();
      }
    });
}

/** Why `spie token` cannot sign in here: the hub trusts another issuer than the local provider. */
function localIssuerProblem(): string | undefined {
  const running = runningStack();
  const local = running?.started?.oidc === 'local' ? running.env['OIDC_ISSUER'] : undefined;
  if (running && !local)
    return `the running npm start trusts ${running.env['OIDC_ISSUER'] ?? 'another issuer'}, not the local provider: get a token from that issuer`;
  const configured = process.env['OIDC_ISSUER'];
  if (configured && configured !== local)
    return `OIDC_ISSUER is ${configured}: spie token signs in only at the local provider; get a token from that issuer`;
  return undefined;
}
