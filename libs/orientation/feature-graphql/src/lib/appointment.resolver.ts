import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { OrganisationService } from '@spie/organisation/data-access';
import { OrganisationDTO, organisationLoader, toOrganisationDTO } from '@spie/organisation/feature-graphql';
import { AppointmentService, type AppointmentEntity } from '@spie/orientation/data-access';
import { isUpcoming } from '@spie/orientation/domain';
import { PersonDTO } from '@spie/person/feature-graphql';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';

import { AppointmentDTO } from './dtos/appointment.dto';

function toAppointmentDTO(row: AppointmentEntity, now: Date): AppointmentDTO {
  return {
    id: row.id,
    partner: row.partner,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    kind: row.kind,
    subject: row.subject,
    place: row.place,
    withWhom: row.withWhom,
    status: row.status,
    upcoming: isUpcoming(row, now),
    provenance: row.provenance,
    organisationId: row.organisationId,
  };
}

/** `Person.appointments` (category `appointments`) and the structure of each appointment. */
@Resolver(() => PersonDTO)
export class PersonAppointmentResolver {
  constructor(private readonly appointmentService: AppointmentService) {}

  @ResolveField(() => [AppointmentDTO], {
    description:
      'Appointments partners planned with the person, the soonest first; upcoming: only those still ahead',
  })
  async appointments(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
    @Args('upcoming', { type: () => Boolean, defaultValue: false }) upcoming: boolean,
  ): Promise<AppointmentDTO[]> {
    const loader = requestLoader(context, 'orientation.appointments', (personIds) =>
      this.appointmentService.ofPersons(personIds),
    );
    const now = new Date();
    const rows = ((await loader.load(person.id)) ?? []).map((row) => toAppointmentDTO(row, now));
    return upcoming ? rows.filter((row) => row.upcoming) : rows;
  }
}

@Resolver(() => AppointmentDTO)
export class AppointmentResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @ResolveField(() => OrganisationDTO, {
    nullable: true,
    description: 'The structure the appointment is with, when known',
  })
  async structure(
    @Parent() appointment: AppointmentDTO,
    @Context() context: LoaderContext,
  ): Promise<OrganisationDTO | null> {
    if (!appointment.organisationId) return null;
    const structure = await organisationLoader(context, this.organisations).load(appointment.organisationId);
    return structure ? toOrganisationDTO(structure) : null;
  }
}
