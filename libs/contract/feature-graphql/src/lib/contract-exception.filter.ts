import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { ContractException, ContractExceptionCode } from '@spie/contract/domain';
import { HubErrorCode, hubGraphQLError, type InvalidField } from '@spie/platform/graphql';
import { ReferentielException, ReferentielExceptionCode } from '@spie/referentiel/domain';
import { assertUnreachable } from '@spie/shared/kernel';

export function contractErrorCode(code: ContractExceptionCode): HubErrorCode {
  switch (code) {
    case ContractExceptionCode.ContractNotFound:
    case ContractExceptionCode.PersonNotFound:
    case ContractExceptionCode.ActionNotFound:
    case ContractExceptionCode.ObjectiveNotFound:
      return HubErrorCode.NotFound;
    case ContractExceptionCode.OrganisationNotFound:
    case ContractExceptionCode.ReferentNotFound:
    case ContractExceptionCode.InvalidDates:
    case ContractExceptionCode.PersonAgreementRequired:
    case ContractExceptionCode.ReasonRequired:
    case ContractExceptionCode.LabelRequired:
    case ContractExceptionCode.UnknownCode:
    case ContractExceptionCode.ClosedCode:
    case ContractExceptionCode.CodeOutsideTheme:
      return HubErrorCode.BadUserInput;
    case ContractExceptionCode.InvalidTransition:
    case ContractExceptionCode.SignedVersionImmutable:
    case ContractExceptionCode.NoDraftVersion:
    case ContractExceptionCode.AmendmentInProgress:
    case ContractExceptionCode.ActionNotSigned:
    case ContractExceptionCode.ObjectiveNotSigned:
      return HubErrorCode.Conflict;
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
function invalidFieldsOf(exception: ContractException): InvalidField[] | undefined {
  const fields = exception.details?.['fields'];
  if (!Array.isArray(fields) || fields.length === 0) return undefined;
  return fields.map((path) => ({ path: String(path), constraints: [exception.message] }));
}

@Catch(ContractException, ReferentielException)
export class ContractExceptionFilter implements ExceptionFilter {
  catch(exception: ContractException | ReferentielException): GraphQLError {
    if (exception instanceof ReferentielException) {
      return hubGraphQLError(referentielErrorCode(exception.code), exception.message, {
        reason: exception.code,
      });
    }
    const invalidFields = invalidFieldsOf(exception);
    return hubGraphQLError(contractErrorCode(exception.code), exception.message, {
      reason: exception.code,
      ...(invalidFields ? { invalidFields } : {}),
    });
  }
}
