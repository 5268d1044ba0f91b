import { Module } from '@nestjs/common';

import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import { OrientationService } from './services/orientation.service';

/** Needs the global queue module (`HubQueueModule`) of the app for the after-commit recompute job. */
@Module({
  imports: [ReferentielDataAccessModule],
  providers: [OrientationService],
  exports: [OrientationService],
})
export class OrientationDataAccessModule {}
