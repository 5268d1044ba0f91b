import { SetMetadata } from '@nestjs/common';

export const SKIP_RATE_LIMIT = 'spie:skip-rate-limit';

/** Marks a handler that spends no budget: probes polled by the platform (`GET /health`). */
export const SkipRateLimit = () => SetMetadata(SKIP_RATE_LIMIT, true);
