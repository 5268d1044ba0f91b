import type { AuditOutcome } from '@spie/audit/domain';
import type { Actor } from '@spie/shared/kernel';

/** One access decision to write to the audit log (see `AuditService.record`). */
export interface AuditEntryInput {
  /** When it happened; the service clock's now when absent. */
  at?: Date;
  actor: Actor;
  /** The actor's organisation name as the person should read it (denormalised: a later rename does not change it). */
  organisationName: string | null;
  purpose: string | null;
  legalBasis: string | null;
  /** Whose data; null when the request named nobody (a refused search). */
  personId: string | null;
  /** `person.read`, `person.search`, `contract.sign`… */
  operation: string;
  /** Data categories returned. */
  categories: string[];
  maskedFields: string[];
  outcome: AuditOutcome;
  reason?: string | null;
  correlationId: string | null;
}
