import { SetMetadata } from '@nestjs/common';

import type { Actor } from '@spie/shared/kernel';

/** What an operation needs. Named by resource and action, so that the habilitation layer can take them over. */
export enum Permission {
  /** Read import batches, their progress and reports. */
  ImportsRead = 'imports:read',
  /**
   * Send a file to be ingested (`POST /imports/:source`): the roles that may act for a transmission. The sender's
   * habilitation must also write what the source writes (checked by the ingestion layer through the access layer).
   */
  ImportsSubmit = 'imports:submit',
  /** Read the identity review queue (names and birth dates of the people in conflict) and decide each case. */
  IdentityConflictsReview = 'identity-conflicts:review',
  /** The queue dashboard (`/admin/queues`): see every job, retry and remove them. */
  QueuesAdmin = 'queues:admin',
  /** Search the audit log and read its alerts (the data protection officer). */
  AuditRead = 'audit:read',
  /** Acknowledge an audit alert. */
  AuditAlertsAcknowledge = 'audit-alerts:acknowledge',
  /** Declare that a person turned out not to be a beneficiary: the next retention run destroys their data. */
  PersonsDeclareNotBeneficiary = 'persons:declare-not-beneficiary',
  /** Read the habilitations of organisations (purpose, legal basis, categories, validity). */
  HabilitationsRead = 'habilitations:read',
  /** Revoke a habilitation, with immediate effect. */
  HabilitationsManage = 'habilitations:manage',
}

/**
 * Which agent roles grant which permission: the one place where this rule lives until the habilitation layer (purpose,
 * legal basis, portfolio) replaces it. Roles are those of `agent.roles`.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Permission, readonly string[]>> = {
  [Permission.ImportsRead]: ['connector', 'orientation', 'admin'],
  // An administrator acts for no purpose, so it sends no file (it replays batches with a technical account).
  [Permission.ImportsSubmit]: ['connector', 'orientation'],
  [Permission.IdentityConflictsReview]: ['orientation', 'admin'],
  [Permission.QueuesAdmin]: ['admin'],
  [Permission.AuditRead]: ['dpo'],
  [Permission.AuditAlertsAcknowledge]: ['dpo'],
  // Within the department's territory only (the access layer's scope): an administrator has no portfolio.
  [Permission.PersonsDeclareNotBeneficiary]: ['orientation'],
  [Permission.HabilitationsRead]: ['admin', 'dpo'],
  [Permission.HabilitationsManage]: ['admin'],
};

export function isAllowed(actor: Pick<Actor, 'kind' | 'roles'>, permission: Permission): boolean {
  if (actor.kind !== 'agent') return false;
  const granting = ROLE_PERMISSIONS[permission];
  return actor.roles.some((role) => granting.includes(role));
}

export const REQUIRED_PERMISSION = 'spie:required-permission';

/** Declares what a resolver or route needs; `AuthGuard` refuses the call (forbidden) when the actor lacks it. */
export const Requires = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);

/**
 * Whose import batches an actor may read: every batch for the orientation team and administrators, only the files it
 * sent itself for a connector (a CAF account has no need to read a department's report). Out of scope reads answer
 * "not found".
 */
export function importReadScope(
  actor: Pick<Actor, 'kind' | 'roles' | 'login'>,
): { all: true } | { all: false; receivedBy: string } {
  const everything = ['orientation', 'admin'];
  if (actor.kind === 'agent' && actor.roles.some((role) => everything.includes(role))) return { all: true };
  return { all: false, receivedBy: actor.login };
}
