import { Module } from '@nestjs/common';

import { CorrectionRequestService } from './services/correction-request.service';

@Module({
  providers: [CorrectionRequestService],
  exports: [CorrectionRequestService],
})
export class SelfServiceDataAccessModule {}
