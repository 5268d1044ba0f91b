import { Module } from '@nestjs/common';

import { AccessService } from './services/access.service';
import { ConsentService } from './services/consent.service';
import { HabilitationService } from './services/habilitation.service';

@Module({
  providers: [AccessService, ConsentService, HabilitationService],
  exports: [AccessService, ConsentService, HabilitationService],
})
export class AccessDataAccessModule {}
