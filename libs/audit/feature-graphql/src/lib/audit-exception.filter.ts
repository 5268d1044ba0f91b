import { Catch, type ExceptionFilter } from '@nestjs/common';
import type { GraphQLError } from 'graphql';

import { AuditException, AuditExceptionCode } from '@spie/audit/domain';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { assertUnreachable } from '@spie/shared/kernel';

export function auditErrorCode(code: AuditExceptionCode): HubErrorCode {
  switch (code) {
    case AuditExceptionCode.NotAPerson:
      return HubErrorCode.Forbidden;
    case AuditExceptionCode.AlertNotFound:
    case AuditExceptionCode.PersonNotFound:
      return HubErrorCode.NotFound;
    case AuditExceptionCode.InvalidCursor:
    case AuditExceptionCode.InvalidPeriod:
      return HubErrorCode.BadUserInput;
    case AuditExceptionCode.RetentionRunInProgress:
      return HubErrorCode.Conflict;
    case AuditExceptionCode.InvalidEntry:
      // A caller wrote an entry the log refuses: a bug on the server side, never the client's input.
      return HubErrorCode.Internal;
    default:
      return assertUnreachable(code);
  }
}

@Catch(AuditException)
export class AuditExceptionFilter implements ExceptionFilter {
  catch(exception: AuditException): GraphQLError {
    const code = auditErrorCode(exception.code);
    if (code === HubErrorCode.Internal) return hubGraphQLError(code, 'Internal error');
    return hubGraphQLError(code, exception.message, { reason: exception.code });
  }
}
