/** Who plans appointments: the partners whose follow-up the hub records, and the department's own référents. */
export const APPOINTMENT_PARTNERS = ['department', 'france_travail', 'mission_locale'] as const;
export type AppointmentPartner = (typeof APPOINTMENT_PARTNERS)[number];

/**
 * An appointment a partner planned with the person (an i-Milo `RDV` of a mission locale): when, where, with whom, and
 * what became of it. The hub keeps what the partner states, with its provenance; the partner's free comment is not
 * kept (it may say anything about the person).
 */
export const APPOINTMENT_STATUSES = [
  'planned',
  'present',
  'absent',
  'cancelled',
  'postponed',
  'unspecified',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export interface AppointmentFacts {
  /** ISO 8601 instant. */
  startsAt: string;
  endsAt: string | null;
  /** The partner's label of the kind of appointment (`Entretien individuel`, `Téléphone`…). */
  kind: string | null;
  subject: string | null;
  place: string | null;
  /** The adviser's name as the partner writes it (a partner's adviser is not an agent of the hub). */
  withWhom: string | null;
  status: AppointmentStatus;
}

/** One appointment to record: the partner's own id of it is its natural key. */
export interface AppointmentToRecord {
  personId: string;
  partner: AppointmentPartner;
  externalId: string;
  facts: AppointmentFacts;
}

/** Whether an appointment is still ahead of the person at `now` (planned, not over). */
export function isUpcoming(
  appointment: { startsAt: Date; endsAt: Date | null; status: string },
  now: Date,
): boolean {
  if (appointment.status !== 'planned' && appointment.status !== 'postponed') return false;
  return (appointment.endsAt ?? appointment.startsAt).getTime() >= now.getTime();
}
