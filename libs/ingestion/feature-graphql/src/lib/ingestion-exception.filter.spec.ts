import { IngestionException, IngestionExceptionCode } from '@spie/ingestion/domain';

import {
  ingestionErrorCode,
  IngestionExceptionFilter,
  withIngestionErrors,
} from './ingestion-exception.filter';

describe('ingestionErrorCode', () => {
  it('should give every ingestion code a client code when the enum is walked', () => {
    const mapped = Object.fromEntries(
      Object.values(IngestionExceptionCode).map((code) => [code, ingestionErrorCode(code)]),
    );
    expect(mapped).toEqual({
      INVALID_CURSOR: 'BAD_USER_INPUT',
      IDENTITY_CONFLICT_NOT_FOUND: 'NOT_FOUND',
      IDENTITY_CONFLICT_ALREADY_RESOLVED: 'CONFLICT',
      MERGE_TARGET_REQUIRED: 'BAD_USER_INPUT',
      MERGE_TARGET_NOT_CANDIDATE: 'BAD_USER_INPUT',
      MERGE_TARGET_UNEXPECTED: 'BAD_USER_INPUT',
      IMPORT_NOT_HABILITATED: 'FORBIDDEN',
    });
  });

  it('should answer with the code, the message and the reason, not the details', () => {
    const error = new IngestionExceptionFilter().catch(
      new IngestionException(IngestionExceptionCode.ConflictAlreadyResolved, 'already resolved', {
        resolvedBy: 'secret',
      }),
    );
    expect(error.message).toBe('already resolved');
    expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'IDENTITY_CONFLICT_ALREADY_RESOLVED' });
  });

  it('should turn an exception of a field resolver into its GraphQL error and let others through', async () => {
    await expect(
      withIngestionErrors(async () => {
        throw new IngestionException(IngestionExceptionCode.InvalidCursor, 'The cursor is not valid');
      }),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' } });
    const plain = new Error('boom');
    await expect(withIngestionErrors(async () => Promise.reject(plain))).rejects.toBe(plain);
  });
});
