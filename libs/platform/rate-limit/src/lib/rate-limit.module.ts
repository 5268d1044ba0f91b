import { Global, Logger, Module } from '@nestjs/common';
import Redis from 'ioredis';

import { EnvironmentVariables } from '@spie/platform/config';

import { RATE_LIMIT_REDIS, RateLimitService } from './rate-limit.service';

/**
 * The request budgets. The app registers the guard itself, after `AuthGuard` (global guards run in the order they
 * are provided): `{ provide: APP_GUARD, useClass: RateLimitGuard }`.
 *
 * Its Redis connection is its own, not BullMQ's: BullMQ's waits for Redis without limit (`maxRetriesPerRequest:
 * null`), which would hold every request while Redis is away; this one fails at once (no offline queue) and the
 * limiter falls back to counting in memory.
 */
@Global()
@Module({
  providers: [
    {
      provide: RATE_LIMIT_REDIS,
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => {
        const redis = new Redis(env.REDIS_URL, {
          connectionName: 'spie-rate-limit',
          enableOfflineQueue: false,
          maxRetriesPerRequest: 1,
        });
        const logger = new Logger('RateLimitRedis');
        let lastLogged = 0;
        redis.on('error', (error: Error) => {
          // One line a minute at most while Redis is away.
          if (Date.now() - lastLogged < 60_000) return;
          lastLogged = Date.now();
          logger.warn(`Redis unreachable, counting in memory: ${error.message}`);
        });
        return redis;
      },
    },
    RateLimitService,
  ],
  exports: [RateLimitService],
})
export class HubRateLimitModule {}
