import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { HouseholdRightsException, HouseholdRightsExceptionCode } from '@spie/household-rights/domain';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { assertUnreachable } from '@spie/shared/kernel';

export function householdRightsErrorCode(code: HouseholdRightsExceptionCode): HubErrorCode {
  switch (code) {
    case HouseholdRightsExceptionCode.HouseholdNotFound:
    case HouseholdRightsExceptionCode.PersonNotFound:
      return HubErrorCode.NotFound;
    case HouseholdRightsExceptionCode.InvalidEtatDossier:
    case HouseholdRightsExceptionCode.InvalidReferenceMonth:
    case HouseholdRightsExceptionCode.InvalidDate:
    case HouseholdRightsExceptionCode.UnknownCode:
    case HouseholdRightsExceptionCode.DuplicateMember:
      return HubErrorCode.BadUserInput;
    case HouseholdRightsExceptionCode.PersonNotMember:
      return HubErrorCode.Conflict;
    default:
      return assertUnreachable(code);
  }
}

@Catch(HouseholdRightsException)
export class HouseholdRightsExceptionFilter implements ExceptionFilter {
  catch(exception: HouseholdRightsException): GraphQLError {
    return hubGraphQLError(householdRightsErrorCode(exception.code), exception.message, {
      reason: exception.code,
    });
  }
}
