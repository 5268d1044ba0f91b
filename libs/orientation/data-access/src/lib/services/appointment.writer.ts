import { createHash } from 'node:crypto';

import type { EntityManager } from 'typeorm';

import type { AppointmentPartner, AppointmentToRecord } from '@spie/orientation/domain';
import { provenanceOf } from '@spie/platform/database';
import type { Provenance } from '@spie/shared/kernel';

import { AppointmentEntity } from '../entities/appointment.entity';
import type { PartnerFactOutcome } from './partner-facts.writer';

/** What happened to an appointment given to the writer (`unknown`: a cancellation of one the hub never had). */
export type AppointmentOutcome = Exclude<PartnerFactOutcome, 'duplicate'> | 'unknown';

type AppointmentProvenance = Provenance & { observedAt: Date };

const later = (stored: Date | null, observed: Date): boolean =>
  stored !== null && stored.getTime() > observed.getTime();

/**
 * Records one appointment as the partner now states it, inside the caller's transaction, by its natural key (partner
 * and partner id): `created`, `updated`, `unchanged` when the same state comes again, `stale` when the stored state
 * was observed later (an older event handled late). The structure is the partner's current follow-up of the person.
 */
export async function recordAppointment(
  manager: EntityManager,
  appointment: AppointmentToRecord,
  provenance: AppointmentProvenance,
): Promise<AppointmentOutcome> {
  const repository = manager.getRepository(AppointmentEntity);
  const existing = await repository.findOne({
    where: { partner: appointment.partner, externalId: appointment.externalId },
    lock: { mode: 'pessimistic_write' },
  });
  const facts = appointment.facts;
  const contentHash = createHash('sha256').update(JSON.stringify(facts)).digest('hex');
  if (existing && existing.contentHash === contentHash && existing.personId === appointment.personId)
    return 'unchanged';
  if (existing && later(existing.provenance.observedAt, provenance.observedAt)) return 'stale';
  const organisationId = await followUpOrganisation(manager, appointment.personId, appointment.partner);
  const values = {
    personId: appointment.personId,
    partner: appointment.partner,
    externalId: appointment.externalId,
    organisationId: organisationId ?? existing?.organisationId ?? null,
    startsAt: new Date(facts.startsAt),
    endsAt: facts.endsAt ? new Date(facts.endsAt) : null,
    kind: facts.kind,
    subject: facts.subject,
    place: facts.place,
    withWhom: facts.withWhom,
    status: facts.status,
    contentHash,
    provenance: provenanceOf(provenance),
  };
  await repository.save(existing ? Object.assign(existing, values) : repository.create(values));
  return existing ? 'updated' : 'created';
}

/**
 * The partner deleted the appointment: it is kept, cancelled (the person's history says it was planned, then
 * cancelled). `unknown` when the hub never had it; `unchanged` when it was cancelled already.
 */
export async function cancelAppointment(
  manager: EntityManager,
  partner: AppointmentPartner,
  externalId: string,
  provenance: AppointmentProvenance,
): Promise<AppointmentOutcome> {
  const repository = manager.getRepository(AppointmentEntity);
  const existing = await repository.findOne({
    where: { partner, externalId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!existing) return 'unknown';
  if (existing.status === 'cancelled') return 'unchanged';
  if (later(existing.provenance.observedAt, provenance.observedAt)) return 'stale';
  const facts = {
    startsAt: existing.startsAt.toISOString(),
    endsAt: existing.endsAt?.toISOString() ?? null,
    kind: existing.kind,
    subject: existing.subject,
    place: existing.place,
    withWhom: existing.withWhom,
    status: 'cancelled' as const,
  };
  existing.status = 'cancelled';
  existing.contentHash = createHash('sha256').update(JSON.stringify(facts)).digest('hex');
  existing.provenance = provenanceOf(provenance);
  await repository.save(existing);
  return 'updated';
}

async function followUpOrganisation(
  manager: EntityManager,
  personId: string,
  partner: AppointmentPartner,
): Promise<string | null> {
  const rows = (await manager.query(
    `SELECT organisation_id FROM partner_follow_up
      WHERE person_id = $1 AND partner = $2 AND superseded_at IS NULL AND organisation_id IS NOT NULL
      ORDER BY recorded_at DESC LIMIT 1`,
    [personId, partner],
  )) as Array<{ organisation_id: string }>;
  return rows[0]?.organisation_id ?? null;
}
