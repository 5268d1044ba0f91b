import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { OrientationException, OrientationExceptionCode } from '@spie/orientation/domain';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { assertUnreachable } from '@spie/shared/kernel';

export function orientationErrorCode(code: OrientationExceptionCode): HubErrorCode {
  switch (code) {
    case OrientationExceptionCode.PersonNotFound:
    case OrientationExceptionCode.StructureNotFound:
    case OrientationExceptionCode.ReferentNotFound:
      return HubErrorCode.NotFound;
    case OrientationExceptionCode.ReferentNotInStructure:
    case OrientationExceptionCode.ReferentInactive:
    case OrientationExceptionCode.InvalidOrientationType:
    case OrientationExceptionCode.DecisionInFuture:
      return HubErrorCode.BadUserInput;
    case OrientationExceptionCode.ConcurrentOrientation:
      return HubErrorCode.Conflict;
    default:
      return assertUnreachable(code);
  }
}

@Catch(OrientationException)
export class OrientationExceptionFilter implements ExceptionFilter {
  catch(exception: OrientationException): GraphQLError {
    return hubGraphQLError(orientationErrorCode(exception.code), exception.message, {
      reason: exception.code,
    });
  }
}
