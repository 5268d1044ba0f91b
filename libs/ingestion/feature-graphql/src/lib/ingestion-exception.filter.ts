import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { IngestionException, IngestionExceptionCode } from '@spie/ingestion/domain';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { assertUnreachable } from '@spie/shared/kernel';

export function ingestionErrorCode(code: IngestionExceptionCode): HubErrorCode {
  switch (code) {
    case IngestionExceptionCode.ConflictNotFound:
      return HubErrorCode.NotFound;
    case IngestionExceptionCode.InvalidCursor:
    case IngestionExceptionCode.MergeTargetRequired:
    case IngestionExceptionCode.MergeTargetNotCandidate:
    case IngestionExceptionCode.MergeTargetUnexpected:
      return HubErrorCode.BadUserInput;
    case IngestionExceptionCode.ConflictAlreadyResolved:
      return HubErrorCode.Conflict;
    case IngestionExceptionCode.ImportNotHabilitated:
      return HubErrorCode.Forbidden;
    default:
      return assertUnreachable(code);
  }
}

export function ingestionGraphQLError(exception: IngestionException): GraphQLError {
  return hubGraphQLError(ingestionErrorCode(exception.code), exception.message, { reason: exception.code });
}

/**
 * Field resolvers run without filters: this runs their work and turns an `IngestionException` into its GraphQL error.
 */
export async function withIngestionErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof IngestionException) throw ingestionGraphQLError(error);
    throw error;
  }
}

@Catch(IngestionException)
export class IngestionExceptionFilter implements ExceptionFilter {
  catch(exception: IngestionException): GraphQLError {
    return ingestionGraphQLError(exception);
  }
}
