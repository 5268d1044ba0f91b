import { Module } from '@nestjs/common';

import { OrganisationDataAccessModule } from '@spie/organisation/data-access';
import { OrientationDataAccessModule } from '@spie/orientation/data-access';
import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import { AppointmentResolver, PersonAppointmentResolver } from './appointment.resolver';
import { OrientationResolver, PersonOrientationResolver } from './orientation.resolver';

@Module({
  imports: [OrientationDataAccessModule, OrganisationDataAccessModule, ReferentielDataAccessModule],
  providers: [PersonOrientationResolver, OrientationResolver, PersonAppointmentResolver, AppointmentResolver],
  exports: [OrientationDataAccessModule],
})
export class OrientationGraphQLModule {}
