import { formatGraphQLError } from './format-graphql-error';

describe('formatGraphQLError', () => {
  it('should hide the message and stack when the error is not a known code', () => {
    const result = formatGraphQLError(
      {
        message: 'relation "person" does not exist',
        extensions: { code: 'SOMETHING', stacktrace: ['at x'] },
      },
      { production: false, correlationId: 'c1' },
    );
    expect(result).toEqual({
      message: 'Internal error',
      path: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'c1' },
    });
  });

  it('should keep the message and code when the error is a known code', () => {
    const result = formatGraphQLError(
      {
        message: 'Person not found',
        extensions: { code: 'NOT_FOUND', stacktrace: ['at x'], reason: 'PERSON_NOT_FOUND' },
      },
      { production: true },
    );
    expect(result.message).toBe('Person not found');
    expect(result.extensions).toEqual({
      code: 'NOT_FOUND',
      reason: 'PERSON_NOT_FOUND',
      correlationId: undefined,
    });
  });

  it('should drop field and enum suggestions and locations when in production', () => {
    const field = formatGraphQLError(
      {
        message: 'Cannot query field "nam" on type "Person". Did you mean "name" or "names"?',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      { production: true },
    );
    expect(field.message).toBe('Cannot query field "nam" on type "Person".');
    expect(field.locations).toBeUndefined();
    const enumValue = formatGraphQLError(
      {
        message:
          'Variable "$s" got invalid value "OPN"; Value "OPN" does not exist in "Status" enum. Did you mean the enum value "OPEN"?',
        extensions: { code: 'BAD_USER_INPUT' },
      },
      { production: true },
    );
    expect(enumValue.message).not.toMatch(/Did you mean|"OPEN"/);
  });

  it('should keep suggestions when not in production', () => {
    const message = 'Cannot query field "nam" on type "Person". Did you mean "name"?';
    expect(
      formatGraphQLError(
        { message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
        { production: false },
      ).message,
    ).toBe(message);
  });

  it('should keep only the code and safe extensions when an error carries its exception and stack', () => {
    const result = formatGraphQLError(
      {
        message: 'Too many requests',
        extensions: {
          code: 'RATE_LIMITED',
          retryAfterSeconds: 3,
          stacktrace: ['RateLimitGuard.canActivate'],
          exception: { name: 'GraphQLError' },
          originalError: { name: 'QueryFailedError' },
        },
      },
      { production: true, correlationId: 'c2' },
    );
    expect(result.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 3, correlationId: 'c2' });
  });
});
