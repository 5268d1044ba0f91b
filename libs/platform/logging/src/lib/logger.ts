import pino, { type Logger, type LoggerOptions } from 'pino';

import { currentCorrelationId } from './correlation';
import { REDACT_PATHS, maskNirInText } from './redaction';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The pino options shared by every process: JSON lines, correlation id, personal data redacted. */
export function hubLoggerOptions(level: LogLevel = 'info', name = 'spie-hub'): LoggerOptions {
  return {
    name,
    level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((arg) => (typeof arg === 'string' ? maskNirInText(arg) : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}

export function createHubLogger(
  level: LogLevel = 'info',
  name = 'spie-hub',
  destination?: pino.DestinationStream,
): Logger {
  return destination ? pino(hubLoggerOptions(level, name), destination) : pino(hubLoggerOptions(level, name));
}
