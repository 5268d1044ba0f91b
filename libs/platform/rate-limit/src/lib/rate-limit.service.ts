import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

import { EnvironmentVariables } from '@spie/platform/config';

import type { RateLimitSubject } from './rate-limit-subject';

export const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; limit: number };

/**
 * Fixed-window budgets kept in Redis, so that every gateway process spends the same budget: `RATE_LIMIT_REQUESTS`
 * per actor and `RATE_LIMIT_ANONYMOUS_REQUESTS` per address, per `RATE_LIMIT_WINDOW_SECONDS`. While Redis is
 * unreachable each process counts in memory with the same budgets (`insuranceLimiter`): requests are still limited,
 * per process, and never wait for Redis.
 */
@Injectable()
export class RateLimitService implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitService.name);
  private readonly limiters: Record<RateLimitSubject['kind'], RateLimiterRedis>;

  constructor(
    @Inject(RATE_LIMIT_REDIS) private readonly redis: Redis,
    env: EnvironmentVariables,
  ) {
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration: env.RATE_LIMIT_WINDOW_SECONDS,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: env.RATE_LIMIT_WINDOW_SECONDS }),
      });
    this.limiters = {
      actor: limiter('spie-rate:actor', env.RATE_LIMIT_REQUESTS),
      anonymous: limiter('spie-rate:anonymous', env.RATE_LIMIT_ANONYMOUS_REQUESTS),
    };
  }

  /** Spends one request of the subject's budget. */
  async consume(subject: RateLimitSubject): Promise<RateDecision> {
    const limiter = this.limiters[subject.kind];
    try {
      await limiter.consume(subject.key);
      return { allowed: true };
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        return {
          allowed: false,
          retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
          limit: limiter.points,
        };
      }
      // Both Redis and the in-memory insurance failed: let the call through rather than refuse everyone.
      this.logger.error({ err: rejection }, 'rate limiter failed; request let through');
      return { allowed: true };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
