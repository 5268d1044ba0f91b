/**
 * CASF R.263-8 (traitement « Parcours insertion emploi »): the data of a person stays in the active base for 2 years
 * after the last individual contact, then 2 years in intermediate archive, then is destroyed; it is destroyed without
 * delay once it is established that the person does not benefit from the services.
 *
 * "Last individual contact" is computed by the retention service from the facts the hub holds (see
 * `LAST_INDIVIDUAL_CONTACT_SOURCES`), never typed in.
 */
export const RETENTION_ACTIVE_YEARS = 2;
export const RETENTION_ARCHIVE_YEARS = 2;

/** The facts whose latest date is the person's last individual contact, in the words of docs/architecture.md. */
export const LAST_INDIVIDUAL_CONTACT_SOURCES = [
  'orientation decided (orientation.decided_at)',
  'contract event (contract_event: observed_at, else recorded_at)',
  'diagnostic recorded by an agent (diagnostic with author_agent_id: observed_at, else recorded_at)',
  'partner follow-up (registered_on, start_on, last_interview_on, last_ppae_interview_on, end_on)',
  'partner action (prescribed_on, start_on, end_on, done_on)',
  'appointment the person attended (appointment with status present: starts_at)',
  'RSA right status change (rsa_right_status of the person or of a household they belong to: observed_at, else the reference month)',
  'person.last_contact_at when a professional set it',
  'the person record’s creation, when nothing else is known',
] as const;

export type RetentionAction = 'keep' | 'archive' | 'reactivate' | 'destroy';

export type RetentionReason =
  | 'not_beneficiary'
  | 'archive_period_over'
  | 'active_period_over'
  | 'contact_after_archive'
  | 'active'
  | 'archived';

export interface PersonRetentionFacts {
  lastContactAt: Date;
  archivedAt: Date | null;
  notBeneficiaryAt: Date | null;
}

export interface RetentionDecision {
  action: RetentionAction;
  reason: RetentionReason;
  /** When the active period ends (archive from then on). */
  archiveDueAt: Date;
  /** When the archive period ends (destruction from then on). */
  destroyDueAt: Date;
}

export function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

/**
 * What the retention run does with one person at `now`. Destruction follows the last contact (+4 years), not the day
 * the archive happened, so a late run never keeps data longer than the law allows. A contact recorded after the archive
 * (the person came back) makes the file active again.
 */
export function decideRetention(facts: PersonRetentionFacts, now: Date): RetentionDecision {
  const archiveDueAt = addYears(facts.lastContactAt, RETENTION_ACTIVE_YEARS);
  const destroyDueAt = addYears(archiveDueAt, RETENTION_ARCHIVE_YEARS);
  const decision = (action: RetentionAction, reason: RetentionReason): RetentionDecision => ({
    action,
    reason,
    archiveDueAt,
    destroyDueAt,
  });
  if (facts.notBeneficiaryAt) return decision('destroy', 'not_beneficiary');
  if (destroyDueAt.getTime() <= now.getTime()) return decision('destroy', 'archive_period_over');
  if (archiveDueAt.getTime() <= now.getTime()) {
    return facts.archivedAt ? decision('keep', 'archived') : decision('archive', 'active_period_over');
  }
  return facts.archivedAt ? decision('reactivate', 'contact_after_archive') : decision('keep', 'active');
}
