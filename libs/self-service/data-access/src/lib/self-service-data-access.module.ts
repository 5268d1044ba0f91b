import { Module } from '@nestjs/common';

import { DiagnosticDataAccessModule } from '@spie/diagnostic/data-access';
import { PersonDataAccessModule } from '@spie/person/data-access';

import { CorrectionRequestService } from './services/correction-request.service';

@Module({
  imports: [PersonDataAccessModule, DiagnosticDataAccessModule],
  providers: [CorrectionRequestService],
  exports: [CorrectionRequestService],
})
export class SelfServiceDataAccessModule {}
