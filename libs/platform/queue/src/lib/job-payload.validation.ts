import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

import type { Result } from '@spie/shared/kernel';

/**
 * Validates a job payload against its class: on consumption by the worker, and by producers before enqueueing. Unknown
 * fields are dropped (a newer producer may add some); the problems name the invalid fields, never their values.
 */
export function validateJobPayload<T extends object>(
  payloadClass: new () => T,
  data: unknown,
): Result<T, string[]> {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, error: ['payload: must be an object'] };
  const instance = plainToInstance(payloadClass, data, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) return { ok: false, error: flatten(errors) };
  return { ok: true, value: instance };
}

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [`${path}: ${Object.keys(error.constraints).join(', ')}`] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}
