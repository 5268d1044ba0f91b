import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { PersonException, PersonExceptionCode } from '@spie/person/domain';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { assertUnreachable } from '@spie/shared/kernel';

export function personErrorCode(code: PersonExceptionCode): HubErrorCode {
  switch (code) {
    case PersonExceptionCode.PersonNotFound:
      return HubErrorCode.NotFound;
    case PersonExceptionCode.InvalidNir:
    case PersonExceptionCode.SearchTooBroad:
      return HubErrorCode.BadUserInput;
    case PersonExceptionCode.NirAlreadyKnown:
    case PersonExceptionCode.IdentifierAlreadyKnown:
      return HubErrorCode.Conflict;
    default:
      return assertUnreachable(code);
  }
}

@Catch(PersonException)
export class PersonExceptionFilter implements ExceptionFilter {
  catch(exception: PersonException): GraphQLError {
    return hubGraphQLError(personErrorCode(exception.code), exception.message, { reason: exception.code });
  }
}
