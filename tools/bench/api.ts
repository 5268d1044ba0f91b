/**
 * `npm run bench:api -- [--duration 20] [--warmup 5] [--connections 16] [--login ft-conseiller] [--log-level warn]`
 *
 * Throughput and latency of the person-file query (`apps/gateway/test/support/person-file.query.ts`) through real HTTP,
 * with the access policies and audit on, and with them bypassed, in one run. It starts its own embedded PostgreSQL
 * and Redis under `.data/bench-api` (a fresh schema each run), migrates, loads the référentiel and the demo dataset,
 * picks a person of the adviser's portfolio whose file has a household, RSA months, a diagnostic, contracts and an
 * orientation, and starts two gateway processes: one as deployed, one with `SPIE_ACCESS_BYPASS=1`. Each gets a warm-up,
 * then autocannon drives it alone for the duration. Then two floors on the gateway as deployed, to show what any
 * request costs before the person file: `{ __typename }` (HTTP, Express, Nest, Apollo: no resolver, so no token check)
 * and `{ viewer { agent { name } } }` (the same plus the token check, the actor, the rate limit and two reads). Prints
 * requests/s, p50/p90/p99 latency, errors and non-2xx answers, CPU per request of the gateway and of PostgreSQL, the
 * overhead of the policies, then one JSON line with the figures and the targets.
 *
 * Exits 1 when any answer carries a GraphQL error, is not a 2xx, or fails at the socket: it never measures error pages.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

import autocannon from 'autocannon';
import { Client } from 'pg';

import { seed } from '../../apps/cli/src/commands/seed.command';
import { openDataSource } from '../../apps/cli/src/cli-environment';
import { PERSON_FILE_QUERY } from '../../apps/gateway/test/support/person-file.query';
import { demoOidcAccounts } from '@spie/ops/demo-seed';
import { runMigrationsUnderLock } from '@spie/platform/database';
import { issueLocalToken, staticAccountDirectory } from '@spie/platform/oidc-local';
import {
  WORKSPACE_ROOT,
  findFreePort,
  say,
  startLocalStack,
  type LocalStack,
} from '@spie/platform/dev-services';

import { cpuSeconds, postgresCpuSeconds } from './process-cpu';

const TARGETS = { requestsPerSecond: 1000, p99Ms: 50, overheadPercent: 20 } as const;
const REGISTER = join(WORKSPACE_ROOT, 'bin', 'register.js');
const BENCH_DATA_DIR = join(WORKSPACE_ROOT, '.data', 'bench-api');

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

/** A bearer token for a demo account, signed in at the bench's local provider like `spie token` does (two factors). */
function tokenFor(login: string, env: Record<string, string>): Promise<string> {
  return issueLocalToken({ issuer: env['OIDC_ISSUER'] as string, login, twoFactor: true, ttlSeconds: 7200 });
}

/** The richest file of the adviser's portfolio (current orientation towards the adviser's structure). */
async function pickPerson(databaseUrl: string, login: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT p.id
         FROM person p
         JOIN orientation o ON o.person_id = p.id AND o.superseded_at IS NULL
         JOIN agent a ON a.login = $1 AND a.organisation_id = o.structure_id
        WHERE EXISTS (SELECT 1 FROM household_member m WHERE m.person_id = p.id AND m.valid_to IS NULL)
          AND (SELECT count(*) FROM rsa_right_status r
                 JOIN household_member m ON m.household_id = r.household_id AND m.person_id = p.id) >= 2
          AND EXISTS (SELECT 1 FROM diagnostic d WHERE d.person_id = p.id)
          AND EXISTS (SELECT 1 FROM contract c WHERE c.person_id = p.id)
        ORDER BY (SELECT count(*) FROM contract c WHERE c.person_id = p.id) DESC,
                 (SELECT count(*) FROM diagnostic d WHERE d.person_id = p.id) DESC, p.id
        LIMIT 1`,
      [login],
    );
    if (!rows[0]) {
      throw new Error(
        `no person of ${login}'s portfolio has a household, RSA months, a diagnostic and a contract`,
      );
    }
    return rows[0].id;
  } finally {
    await client.end();
  }
}

interface Gateway {
  name: string;
  url: string;
  child: ChildProcess;
}

async function startGateway(name: string, env: Record<string, string>, dataDir: string): Promise<Gateway> {
  const port = await findFreePort();
  const log = createWriteStream(join(dataDir, `${name}.log`), { flags: 'w' });
  const child = spawn(process.execPath, ['-r', REGISTER, join(WORKSPACE_ROOT, 'apps/gateway/src/main.ts')], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited (${child.exitCode}); see ${dataDir}/${name}.log`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { name, url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${name} did not become healthy`);
}

/** The floors: a document without resolver, and the smallest signed-in query. */
const TYPENAME_BODY = JSON.stringify({ query: '{ __typename }' });
const VIEWER_BODY = JSON.stringify({ query: '{ viewer { agent { name } } }' });

/** One floor request, checked: an answer with data and without errors. */
async function checkFloor(gateway: Gateway, body: string, token: string): Promise<void> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"') || !text.includes('"data"')) {
    throw new Error(`${gateway.name} answered ${response.status}: ${text.slice(0, 500)}`);
  }
}

/** One request through the real stack, checked: the bench refuses to measure anything but a complete person file. */
async function checkAnswer(gateway: Gateway, body: string, token: string, personId: string): Promise<number> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  const answer = JSON.parse(text) as { data?: { person?: { id: string } | null }; errors?: unknown[] };
  if (!response.ok || answer.errors || answer.data?.person?.id !== personId) {
    throw new Error(`${gateway.name} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text.length;
}

interface Figures {
  requestsPerSecond: number;
  requests: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  graphqlErrors: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  /** CPU milliseconds per request while measuring: the gateway process, and PostgreSQL (all its backends). */
  cpuMsPerRequest: { gateway: number; postgres: number };
  /** What the machine's cores would serve if the gateway and PostgreSQL had them to themselves. */
  requestsPerSecondIfCpuBound: number;
}

async function drive(
  gateway: Gateway,
  body: string,
  token: string,
  options: { duration: number; warmup: number; connections: number; dataDir: string; label?: string },
): Promise<Figures> {
  const label = options.label ?? gateway.name;
  let graphqlErrors = 0;
  const run = (duration: number) =>
    autocannon({
      url: `${gateway.url}/graphql`,
      connections: options.connections,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
          onResponse: (_status, responseBody) => {
            if (responseBody.includes('"errors"')) graphqlErrors += 1;
          },
        },
      ],
    });
  say(`${label}: warm-up ${options.warmup} s`);
  const warm = await run(options.warmup);
  say(`${label}: measuring ${options.duration} s, ${options.connections} connections`);
  const cpu = () => ({
    gateway: cpuSeconds(gateway.child.pid ?? 0),
    postgres: postgresCpuSeconds(options.dataDir),
  });
  const before = cpu();
  const result = await run(options.duration);
  const after = cpu();
  const perRequest = (seconds: number) =>
    Math.round((seconds * 1e4) / Math.max(1, result.requests.total)) / 10;
  const cpuMsPerRequest = {
    gateway: perRequest(after.gateway - before.gateway),
    postgres: perRequest(after.postgres - before.postgres),
  };
  return {
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    requests: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    graphqlErrors,
    non2xx: result.non2xx + warm.non2xx,
    socketErrors: result.errors + warm.errors,
    timeouts: result.timeouts + warm.timeouts,
    cpuMsPerRequest,
    requestsPerSecondIfCpuBound: Math.round(
      (os.availableParallelism() * 1000) / Math.max(0.1, cpuMsPerRequest.gateway + cpuMsPerRequest.postgres),
    ),
  };
}

function line(name: string, figures: Figures): string {
  const { p50, p90, p99 } = figures.latencyMs;
  return (
    `${name.padEnd(18)} ${String(figures.requestsPerSecond).padStart(6)} req/s   ` +
    `p50 ${p50} ms  p90 ${p90} ms  p99 ${p99} ms   ` +
    `errors ${figures.graphqlErrors} GraphQL, ${figures.non2xx} non-2xx, ${figures.socketErrors} socket\n` +
    `${''.padEnd(18)} CPU per request: gateway ${figures.cpuMsPerRequest.gateway} ms, PostgreSQL ` +
    `${figures.cpuMsPerRequest.postgres} ms (${figures.requestsPerSecondIfCpuBound} req/s if they had the cores)`
  );
}

async function main(): Promise<void> {
  const duration = Number(arg('duration', '20'));
  const warmup = Number(arg('warmup', '5'));
  const connections = Number(arg('connections', '16'));
  const login = arg('login', 'ft-conseiller');
  const logLevel = arg('log-level', 'warn');
  const dataDir = BENCH_DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  let stack: LocalStack | undefined;
  const gateways: Gateway[] = [];
  try {
    stack = await startLocalStack({
      dataDir,
      database: 'spie_bench_api',
      postgresPort: 54349,
      redisPort: 63809,
      env: {},
      // The gateways check real tokens of the local OpenID provider, as with npm start.
      oidc: { accounts: staticAccountDirectory(demoOidcAccounts()) },
      log: say,
    });
    const env = stack.env;
    const admin = new Client({ connectionString: env['DATABASE_URL'] });
    await admin.connect();
    await admin.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await admin.end();
    const dataSource = await openDataSource(env, 'spie-bench-api');
    try {
      await runMigrationsUnderLock(dataSource);
      await seed(dataSource, env, { demo: true });
    } finally {
      await dataSource.destroy();
    }
    const personId = await pickPerson(env['DATABASE_URL'] as string, login);
    const token = await tokenFor(login, env);
    const body = JSON.stringify({ query: PERSON_FILE_QUERY, variables: { id: personId } });

    const common = {
      ...env,
      NODE_ENV: 'development',
      GRAPHQL_PRODUCTION: 'true',
      LOG_LEVEL: logLevel,
      // The bench is one actor sending thousands of requests a second: its budget must not be what it measures.
      RATE_LIMIT_REQUESTS: '1000000000',
      IMPORT_STORAGE_DIR: join(dataDir, 'imports'),
    };
    say('starting the gateways (policies on; policies bypassed)');
    gateways.push(await startGateway('gateway-policies', common, dataDir));
    gateways.push(await startGateway('gateway-bypass', { ...common, SPIE_ACCESS_BYPASS: '1' }, dataDir));
    const [withPolicies, bypassed] = gateways;
    const bytes = await checkAnswer(withPolicies, body, token, personId);
    await checkAnswer(bypassed, body, token, personId);
    await checkFloor(withPolicies, TYPENAME_BODY, token);
    await checkFloor(withPolicies, VIEWER_BODY, token);
    say(`person ${personId} (${login}'s portfolio): ${bytes} bytes per answer`);

    const options = { duration, warmup, connections, dataDir };
    const policies = await drive(withPolicies, body, token, options);
    const bypass = await drive(bypassed, body, token, options);
    const floors = {
      typename: await drive(withPolicies, TYPENAME_BODY, token, {
        ...options,
        label: 'floor { __typename }',
      }),
      viewer: await drive(withPolicies, VIEWER_BODY, token, { ...options, label: 'floor viewer' }),
    };

    const overheadPercent =
      Math.round(
        ((bypass.requestsPerSecond - policies.requestsPerSecond) / bypass.requestsPerSecond) * 1000,
      ) / 10;
    const p99DifferenceMs = Math.round((policies.latencyMs.p99 - bypass.latencyMs.p99) * 10) / 10;
    // The same overhead measured in CPU per request: steadier than throughput when other work shares the machine.
    const cpuOf = (run: Figures) => run.cpuMsPerRequest.gateway + run.cpuMsPerRequest.postgres;
    const cpuOverheadPercent = Math.round(((cpuOf(policies) - cpuOf(bypass)) / cpuOf(bypass)) * 1000) / 10;
    process.stderr.write(
      [
        '',
        `person file, ${connections} connections, ${duration} s each after ${warmup} s of warm-up, ` +
          `${os.availableParallelism()} cores (load average ${os.loadavg()[0].toFixed(1)}), LOG_LEVEL=${logLevel}`,
        line('policies on', policies),
        line('policies bypassed', bypass),
        line('floor: __typename', floors.typename),
        line('floor: viewer', floors.viewer),
        `overhead of the policies: ${overheadPercent} % of throughput, p99 ${p99DifferenceMs >= 0 ? '+' : ''}${p99DifferenceMs} ms, ` +
          `${cpuOverheadPercent} % more CPU per request`,
        '',
      ].join('\n'),
    );
    const figures = {
      bench: 'api',
      query: 'person-file',
      personId,
      login,
      connections,
      durationSeconds: duration,
      warmupSeconds: warmup,
      cores: os.availableParallelism(),
      logLevel,
      answerBytes: bytes,
      policies,
      bypass,
      floors,
      loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
      overhead: {
        throughputLossPercent: overheadPercent,
        p99DifferenceMs,
        cpuPerRequestPercent: cpuOverheadPercent,
      },
      targets: TARGETS,
      met: {
        requestsPerSecond: policies.requestsPerSecond >= TARGETS.requestsPerSecond,
        p99Ms: policies.latencyMs.p99 < TARGETS.p99Ms,
        overheadPercent: overheadPercent <= TARGETS.overheadPercent,
      },
    };
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    const failures = [policies, bypass, floors.typename, floors.viewer].reduce(
      (sum, run) => sum + run.graphqlErrors + run.non2xx + run.socketErrors + run.timeouts,
      0,
    );
    if (failures > 0) {
      say(`FAILED: ${failures} answers were errors; the figures above do not measure the person file`);
      process.exitCode = 1;
    }
  } finally {
    for (const gateway of gateways) gateway.child.kill('SIGTERM');
    await Promise.all(
      gateways.map(
        (gateway) =>
          new Promise((resolve) =>
            gateway.child.exitCode !== null ? resolve(null) : gateway.child.once('exit', resolve),
          ),
      ),
    );
    await stack?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
