import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get, HttpCode, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

import { PublicEndpoint } from '@spie/platform/auth';
import { pendingMigrations } from '@spie/platform/database';
import { QueueName } from '@spie/platform/queue';
import { SkipRateLimit } from '@spie/platform/rate-limit';

interface CheckResult {
  status: 'ok' | 'error';
  detail?: string;
}

/** `GET /health`: 200 only when PostgreSQL, Redis and the schema version are all right. Polled: no rate limit. */
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Parcours) private readonly queue: Queue,
  ) {}

  @Get()
  @PublicEndpoint()
  @SkipRateLimit()
  @HttpCode(HttpStatus.OK)
  async health(@Res({ passthrough: true }) response: Response) {
    const [postgres, redis, schema] = await Promise.all([
      this.check(async () => void (await this.dataSource.query('SELECT 1'))),
      this.check(async () => {
        const client = (await this.queue.client) as unknown as { ping(): Promise<string> };
        if ((await client.ping()) !== 'PONG') throw new Error('no PONG');
      }),
      this.check(async () => {
        const pending = await pendingMigrations(this.dataSource);
        if (pending.length > 0) throw new Error(`${pending.length} pending migration(s)`);
      }),
    ]);
    const ok = [postgres, redis, schema].every((check) => check.status === 'ok');
    if (!ok) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'ok' : 'error', checks: { postgres, redis, schema } };
  }

  private async check(probe: () => Promise<void>): Promise<CheckResult> {
    try {
      await withTimeout(probe(), 2000);
      return { status: 'ok' };
    } catch (error) {
      return { status: 'error', detail: error instanceof Error ? error.message : 'failed' };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
  ]);
}
