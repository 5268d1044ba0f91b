import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import { APPOINTMENT_STATUSES, type AppointmentStatus } from '@spie/orientation/domain';
import { ProvenanceDTO } from '@spie/person/feature-graphql';

export const AppointmentStatusEnum = Object.fromEntries(
  APPOINTMENT_STATUSES.map((status) => [status, status]),
) as Record<AppointmentStatus, AppointmentStatus>;
registerEnumType(AppointmentStatusEnum, {
  name: 'AppointmentStatus',
  description:
    'planned, then present, absent, postponed or cancelled (unspecified when the partner did not say)',
});

@ObjectType('Appointment', {
  description:
    'An appointment a partner planned with the person (a mission locale’s i-Milo RDV), as it states it',
})
export class AppointmentDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Who planned it: department, france_travail or mission_locale' })
  partner!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date, { nullable: true })
  endsAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The partner’s label (Entretien individuel, Téléphone…)',
  })
  kind!: string | null;

  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'Where, as the partner writes it' })
  place!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'With whom: the adviser’s name as the partner writes it',
  })
  withWhom!: string | null;

  @Field(() => AppointmentStatusEnum)
  status!: AppointmentStatus;

  @Field(() => Boolean, { description: 'Planned (or postponed) and not over yet' })
  upcoming!: boolean;

  @Field(() => ProvenanceDTO, { description: 'Provenance of the latest state' })
  provenance!: ProvenanceDTO;

  /** Resolved by `structure`. */
  organisationId!: string | null;
}
