import { Module } from '@nestjs/common';

import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import { AppointmentService } from './services/appointment.service';
import { OrientationService } from './services/orientation.service';
import { PartnerFollowUpService } from './services/partner-follow-up.service';

/** Needs the global queue module (`HubQueueModule`) of the app for the after-commit recompute job. */
@Module({
  imports: [ReferentielDataAccessModule],
  providers: [OrientationService, PartnerFollowUpService, AppointmentService],
  exports: [OrientationService, PartnerFollowUpService, AppointmentService],
})
export class OrientationDataAccessModule {}
