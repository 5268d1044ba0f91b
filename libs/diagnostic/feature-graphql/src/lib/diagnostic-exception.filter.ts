import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { DiagnosticException, DiagnosticExceptionCode } from '@spie/diagnostic/domain';
import { HubErrorCode, hubGraphQLError, type InvalidField } from '@spie/platform/graphql';
import { ReferentielException, ReferentielExceptionCode } from '@spie/referentiel/domain';
import { assertUnreachable } from '@spie/shared/kernel';

export function diagnosticErrorCode(code: DiagnosticExceptionCode): HubErrorCode {
  switch (code) {
    case DiagnosticExceptionCode.PersonNotFound:
      return HubErrorCode.NotFound;
    case DiagnosticExceptionCode.UnknownCode:
    case DiagnosticExceptionCode.ClosedCode:
    case DiagnosticExceptionCode.CodeOutsideTheme:
    case DiagnosticExceptionCode.InvalidValue:
    case DiagnosticExceptionCode.DuplicateTheme:
    case DiagnosticExceptionCode.DuplicateItem:
    case DiagnosticExceptionCode.DuplicateProject:
    case DiagnosticExceptionCode.InvalidRomeCode:
      return HubErrorCode.BadUserInput;
    case DiagnosticExceptionCode.ReferentielNotLoaded:
      return HubErrorCode.Internal;
    default:
      return assertUnreachable(code);
  }
}

function referentielErrorCode(code: ReferentielExceptionCode): HubErrorCode {
  switch (code) {
    case ReferentielExceptionCode.UnknownCode:
    case ReferentielExceptionCode.ClosedCode:
      return HubErrorCode.BadUserInput;
    case ReferentielExceptionCode.VersionConflict:
    case ReferentielExceptionCode.InvalidVersion:
      return HubErrorCode.Internal;
    default:
      return assertUnreachable(code);
  }
}

/** Input fields at fault, in the same shape as the validation pipe's `invalidFields`. */
function invalidFieldsOf(exception: DiagnosticException): InvalidField[] | undefined {
  const fields = exception.details?.['fields'];
  if (!Array.isArray(fields) || fields.length === 0) return undefined;
  return fields.map((path) => ({ path: String(path), constraints: [exception.message] }));
}

@Catch(DiagnosticException, ReferentielException)
export class DiagnosticExceptionFilter implements ExceptionFilter {
  catch(exception: DiagnosticException | ReferentielException): GraphQLError {
    if (exception instanceof ReferentielException) {
      return hubGraphQLError(referentielErrorCode(exception.code), exception.message, {
        reason: exception.code,
      });
    }
    const invalidFields = invalidFieldsOf(exception);
    return hubGraphQLError(diagnosticErrorCode(exception.code), exception.message, {
      reason: exception.code,
      ...(invalidFields ? { invalidFields } : {}),
    });
  }
}
