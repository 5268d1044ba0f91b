import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';

import { assertSchemaCurrent } from '@spie/platform/database';
import { runWithCorrelationId } from '@spie/platform/logging';

import { GatewayModule } from './app.module';

const CORRELATION_HEADER = 'x-correlation-id';
const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the gateway (used by `main.ts` and by the integration tests). Refuses to start on an old schema. */
export async function createGateway(options: { logs?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(GatewayModule, {
    bufferLogs: true,
    logger: options.logs === false ? false : undefined,
    // Throw instead of exiting, so that a caller without logs (schema printing, tests) still sees why.
    abortOnError: false,
  });
  if (options.logs !== false) app.useLogger(app.get(Logger));
  app.use((req: Request & { correlationId?: string }, res: Response, next: NextFunction) => {
    const given = req.header(CORRELATION_HEADER);
    const correlationId = given && SAFE_ID.test(given) ? given : randomUUID();
    req.correlationId = correlationId;
    res.setHeader(CORRELATION_HEADER, correlationId);
    runWithCorrelationId(correlationId, next);
  });
  app.enableShutdownHooks();
  await assertSchemaCurrent(app.get<DataSource>(getDataSourceToken()));
  return app;
}
