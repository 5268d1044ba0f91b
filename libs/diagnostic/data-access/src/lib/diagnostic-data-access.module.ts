import { Module } from '@nestjs/common';

import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import { DiagnosticService } from './services/diagnostic.service';

@Module({
  imports: [ReferentielDataAccessModule],
  providers: [DiagnosticService],
  exports: [DiagnosticService],
})
export class DiagnosticDataAccessModule {}
