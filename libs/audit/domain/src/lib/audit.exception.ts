import { CustomException } from '@spie/shared/kernel';

export enum AuditExceptionCode {
  /** `me` and the access log are for a person signed in as themself, not for an agent or a system. */
  NotAPerson = 'AUDIT_NOT_A_PERSON',
  InvalidCursor = 'AUDIT_INVALID_CURSOR',
  InvalidEntry = 'AUDIT_INVALID_ENTRY',
  InvalidPeriod = 'AUDIT_INVALID_PERIOD',
  AlertNotFound = 'AUDIT_ALERT_NOT_FOUND',
  PersonNotFound = 'RETENTION_PERSON_NOT_FOUND',
  /** Another retention run holds the lock. */
  RetentionRunInProgress = 'RETENTION_RUN_IN_PROGRESS',
}

export class AuditException extends CustomException<AuditExceptionCode> {
  constructor(code: AuditExceptionCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
