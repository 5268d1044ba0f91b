import Redis from 'ioredis';

import type { EnvironmentVariables } from '@spie/platform/config';

import { rateLimitSubject } from './rate-limit-subject';
import { RateLimitService } from './rate-limit.service';

describe('RateLimitService', () => {
  it('should keep counting in memory and refuse over budget when Redis cannot be reached', async () => {
    // Port 1 on loopback: nothing listens, the client is never ready, and no command waits for it.
    const redis = new Redis('redis://127.0.0.1:1', {
      enableOfflineQueue: false,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    const service = new RateLimitService(redis, {
      RATE_LIMIT_REQUESTS: 2,
      RATE_LIMIT_ANONYMOUS_REQUESTS: 1,
      RATE_LIMIT_WINDOW_SECONDS: 60,
    } as EnvironmentVariables);
    const actor = { kind: 'actor', key: 'agent:a' } as const;
    const decisions = [
      await service.consume(actor),
      await service.consume(actor),
      await service.consume(actor),
    ];
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, false]);
    expect(decisions[2]).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number), limit: 2 });
    const anonymous = { kind: 'anonymous', key: 'ip:10.0.0.1' } as const;
    expect([(await service.consume(anonymous)).allowed, (await service.consume(anonymous)).allowed]).toEqual([
      true,
      false,
    ]);
    redis.disconnect();
  });
});

describe('rateLimitSubject', () => {
  it('should spend the actor budget when there is an actor, whatever its address', () => {
    const actor = {
      kind: 'agent' as const,
      id: 'a1',
      login: 'x',
      organisationId: null,
      displayName: 'X',
      roles: [],
    };
    expect(rateLimitSubject(actor, '10.0.0.1')).toEqual({ kind: 'actor', key: 'agent:a1' });
  });

  it('should spend the address budget when there is no actor', () => {
    expect(rateLimitSubject(undefined, '10.0.0.1')).toEqual({ kind: 'anonymous', key: 'ip:10.0.0.1' });
  });
});
