import { plainToInstance, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ISSUER_URL = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

/** The `acr` values of two-factor sign-ins at ProConnect (`…/assurance/*-2fa`) and FranceConnect+ (eIDAS 2 and 3). */
export const TWO_FACTOR_ACR_DEFAULT = [
  'eidas2',
  'eidas3',
  'https://proconnect.gouv.fr/assurance/self-asserted-2fa',
  'https://proconnect.gouv.fr/assurance/consistency-checked-2fa',
] as const;

/**
 * Every setting of the hub, validated at boot. Secrets are listed in `SENSITIVE_VARIABLES` so that they are never
 * printed. `npm start` fills the empty ones with embedded defaults (see `@spie/platform/dev-services`).
 */
export class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Interface the gateway listens on: loopback by default, `0.0.0.0` in a container. */
  @IsString()
  HOST = '127.0.0.1';

  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsString()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must be a redis:// URL' })
  REDIS_URL!: string;

  /** 32 bytes, base64: AES-256-GCM key for NIRs at rest. */
  @IsString()
  @MinLength(43)
  NIR_ENCRYPTION_KEY!: string;

  /** At least 32 bytes, base64: HMAC key of the NIR lookup hash. */
  @IsString()
  @MinLength(43)
  NIR_HMAC_KEY!: string;

  /**
   * OpenID issuer of the agents (ProConnect, or the local provider of `npm start`). Required by the gateway, which
   * finds its keys by discovery (`/.well-known/openid-configuration`, then `jwks_uri`).
   */
  @IsOptional()
  @IsUrl(ISSUER_URL, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  /** OpenID issuer of the people (FranceConnect); unset, the agents' issuer signs people in too. */
  @IsOptional()
  @IsUrl(ISSUER_URL, { message: 'OIDC_PERSON_ISSUER must be an http(s) URL' })
  OIDC_PERSON_ISSUER?: string;

  /** The `aud` every access token must carry: the gateway's resource indicator. */
  @IsString()
  @MinLength(1)
  OIDC_AUDIENCE = 'urn:spie-hub:gateway';

  /** `acr` values that count as two factors (comma-separated): eIDAS substantial and high, ProConnect's 2FA levels. */
  @IsString()
  @Matches(/^[^,\s]+(,[^,\s]+)*$/, {
    message: 'OIDC_TWO_FACTOR_ACR must be a comma-separated list of acr values',
  })
  OIDC_TWO_FACTOR_ACR = TWO_FACTOR_ACR_DEFAULT.join(',');

  /** When one issuer signs in agents and people, the clients (`client_id` of the token) whose tokens are people's. */
  @IsString()
  @Matches(/^[^,\s]+(,[^,\s]+)*$/, {
    message: 'OIDC_PERSON_CLIENTS must be a comma-separated list of client ids',
  })
  OIDC_PERSON_CLIENTS = 'spie-portal';

  /**
   * The agents' issuer names agents by their hub login (`sub` = login): true for the local provider only. Otherwise an
   * agent is found by the subject linked at their first sign-in, or by e-mail with the SIRET of their organisation.
   */
  @Type(() => Boolean)
  @IsBoolean()
  OIDC_SUBJECT_IS_LOGIN = false;

  @IsOptional()
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Introspection is always off when `GRAPHQL_PRODUCTION` is on (and so with `NODE_ENV=production`). */
  @Type(() => Boolean)
  @IsBoolean()
  GRAPHQL_INTROSPECTION = true;

  /**
   * GraphQL as exposed in production: introspection, field suggestions and error locations off. On whenever
   * `NODE_ENV=production`; set it on a deployment whose `NODE_ENV` says something else (a staging or demo server).
   */
  @IsBoolean({ message: 'GRAPHQL_PRODUCTION must be true, false, 1 or 0' })
  GRAPHQL_PRODUCTION = false;

  /** Requests one authenticated actor may make per rate-limit window (GraphQL and HTTP routes together). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_REQUESTS = 600;

  /** Requests one IP address may make per window without a token (public référentiel queries). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_ANONYMOUS_REQUESTS = 120;

  /** Length of the rate-limit window, in seconds: a budget is spent within it and comes back whole after it. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  RATE_LIMIT_WINDOW_SECONDS = 60;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 4;

  /**
   * How long a worker's lock on a running job lasts without renewal (renewed every half of it). When a worker dies,
   * its running jobs go back to the queue once the lock has expired and a stalled check has run.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600000)
  WORKER_LOCK_DURATION_MS = 30000;

  /** How often each worker looks for jobs whose worker died (stalled jobs) and puts them back in the queue. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(600000)
  WORKER_STALLED_INTERVAL_MS = 30000;

  /** Where received files are kept as they came (a volume shared by gateway and workers in a deployment). */
  @IsString()
  IMPORT_STORAGE_DIR = '.data/imports';

  /** Records per staged chunk (one queue job each). */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  @Max(20000)
  IMPORT_CHUNK_SIZE = 1000;

  /** Largest accepted file, in megabytes. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  IMPORT_MAX_FILE_MB = 4096;

  /** i-Milo API of the missions locales; unset: no polling. */
  @IsOptional()
  @IsString()
  IMILO_URL?: string;

  @IsOptional()
  @IsString()
  IMILO_API_KEY?: string;

  /** How often the workers poll the i-Milo event feed, in milliseconds (15 minutes, as pass-emploi does). */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  IMILO_POLL_INTERVAL_MS = 900_000;

  /**
   * Login of the mission locale's technical account the i-Milo poll acts as: its batches are checked against that
   * account's habilitation (a transmission that writes identity, contact and orientation).
   */
  @IsString()
  @MinLength(1)
  IMILO_CONNECTOR_LOGIN = 'ml-connector';

  /**
   * Days an audit entry is kept before the retention run purges it (CNIL: 6 months to 1 year, up to 3 years where
   * internal control justifies it).
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  AUDIT_RETENTION_DAYS = 365;

  /** An alert is raised when one actor reads more than this many distinct persons in a sliding hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUDIT_ALERT_VOLUME_THRESHOLD = 200;

  /** An alert is raised when one actor meets more than this many refused or "not found" answers in a sliding hour. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  AUDIT_ALERT_OUTSIDE_PORTFOLIO_THRESHOLD = 20;

  /** How often the workers scan the audit log for alerts, in milliseconds; 0: never. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  AUDIT_ALERT_SCAN_INTERVAL_MS = 300_000;

  /** How often the workers run retention (archive, destroy, audit purge), in milliseconds; 0: never (CLI only). */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  RETENTION_RUN_INTERVAL_MS = 86_400_000;
}

export const SENSITIVE_VARIABLES: ReadonlyArray<keyof EnvironmentVariables> = [
  'DATABASE_URL',
  'REDIS_URL',
  'NIR_ENCRYPTION_KEY',
  'NIR_HMAC_KEY',
];

const STRICT_FLAGS: Readonly<Record<string, boolean>> = {
  true: true,
  '1': true,
  false: false,
  '0': false,
  '': false,
};

export class InvalidEnvironmentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Validates raw variables (usually `process.env`) and returns typed settings, or throws with every problem listed. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const known = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => key in new EnvironmentVariables() || value !== undefined),
  );
  const env = plainToInstance(EnvironmentVariables, known, {
    enableImplicitConversion: false,
    exposeDefaultValues: true,
  });
  if (typeof known['GRAPHQL_INTROSPECTION'] === 'string') {
    env.GRAPHQL_INTROSPECTION = known['GRAPHQL_INTROSPECTION'] === 'true';
  }
  if (typeof known['OIDC_SUBJECT_IS_LOGIN'] === 'string') {
    env.OIDC_SUBJECT_IS_LOGIN = known['OIDC_SUBJECT_IS_LOGIN'] === 'true';
  }
  // A switch that hardens must not be switched off by a typo: only these spellings count, anything else is refused.
  const production = known['GRAPHQL_PRODUCTION'];
  if (typeof production === 'string') {
    const flag = STRICT_FLAGS[production.trim().toLowerCase()];
    (env as { GRAPHQL_PRODUCTION: unknown }).GRAPHQL_PRODUCTION = flag ?? production;
  }
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const problems = errors.map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  if (env.NODE_ENV === 'production') {
    for (const name of ['OIDC_ISSUER', 'OIDC_PERSON_ISSUER'] as const)
      if (env[name]?.startsWith('http:')) problems.push(`${name}: an issuer must use https in production`);
    if (env.OIDC_SUBJECT_IS_LOGIN)
      problems.push('OIDC_SUBJECT_IS_LOGIN: only for the local provider, never in production');
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  if (env.NODE_ENV === 'production') env.GRAPHQL_PRODUCTION = true;
  if (env.GRAPHQL_PRODUCTION) env.GRAPHQL_INTROSPECTION = false;
  return env;
}

/** The settings with secrets replaced by `***`, for printing. */
export function describeEnvironment(env: EnvironmentVariables): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      SENSITIVE_VARIABLES.includes(key as keyof EnvironmentVariables) ? '***' : value,
    ]),
  );
}
