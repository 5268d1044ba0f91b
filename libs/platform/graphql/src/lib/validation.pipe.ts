import { ValidationPipe, type ValidationError } from '@nestjs/common';

import { HubErrorCode, hubGraphQLError } from './graphql-error-code';

export interface InvalidField {
  path: string;
  constraints: string[];
}

function flatten(errors: ValidationError[], parent = ''): InvalidField[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, constraints: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** The global pipe: unknown fields refused, nested inputs validated, errors as BAD_USER_INPUT with every field. */
export function hubValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validateCustomDecorators: false,
    exceptionFactory: (errors) => {
      const invalidFields = flatten(errors);
      return hubGraphQLError(
        HubErrorCode.BadUserInput,
        `Invalid input: ${invalidFields.map((field) => `${field.path} (${field.constraints.join('; ')})`).join(', ')}`,
        { invalidFields },
      );
    },
  });
}
