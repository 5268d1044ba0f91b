import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { ReferentielException, ReferentielExceptionCode } from '@spie/referentiel/domain';
import { assertUnreachable } from '@spie/shared/kernel';

export function referentielErrorCode(code: ReferentielExceptionCode): HubErrorCode {
  switch (code) {
    case ReferentielExceptionCode.UnknownCode:
    case ReferentielExceptionCode.ClosedCode:
    case ReferentielExceptionCode.InvalidVersion:
      return HubErrorCode.BadUserInput;
    case ReferentielExceptionCode.VersionConflict:
      return HubErrorCode.Conflict;
    default:
      return assertUnreachable(code);
  }
}

/** For any resolver that checks codes against the référentiel: an unknown or closed code is a bad input. */
@Catch(ReferentielException)
export class ReferentielExceptionFilter implements ExceptionFilter {
  catch(exception: ReferentielException): GraphQLError {
    return hubGraphQLError(referentielErrorCode(exception.code), exception.message, {
      reason: exception.code,
      ...(exception.details?.['list'] ? { list: exception.details['list'] } : {}),
    });
  }
}
