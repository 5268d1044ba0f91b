import { Global, Module } from '@nestjs/common';

import { ReferentielService } from './services/referentiel.service';

@Global()
@Module({ providers: [ReferentielService], exports: [ReferentielService] })
export class ReferentielDataAccessModule {}
