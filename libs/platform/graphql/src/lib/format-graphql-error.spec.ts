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
});
