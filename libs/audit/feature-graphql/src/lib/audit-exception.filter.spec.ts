import { AuditException, AuditExceptionCode } from '@spie/audit/domain';
import { HubErrorCode } from '@spie/platform/graphql';

import { auditErrorCode, AuditExceptionFilter } from './audit-exception.filter';

describe('AuditExceptionFilter', () => {
  it.each(Object.values(AuditExceptionCode))('should map %s to a hub error code', (code) => {
    expect(Object.values(HubErrorCode)).toContain(auditErrorCode(code));
  });

  it('should answer FORBIDDEN with the reason when an agent asks for "me"', () => {
    const error = new AuditExceptionFilter().catch(
      new AuditException(AuditExceptionCode.NotAPerson, 'Only a person has an access log'),
    );
    expect(error.extensions).toEqual({ code: 'FORBIDDEN', reason: 'AUDIT_NOT_A_PERSON' });
  });

  it('should hide the message when the server wrote an invalid entry', () => {
    const error = new AuditExceptionFilter().catch(
      new AuditException(AuditExceptionCode.InvalidEntry, 'Invalid audit entry: personId'),
    );
    expect([error.message, error.extensions]).toEqual(['Internal error', { code: 'INTERNAL_SERVER_ERROR' }]);
  });
});
