import { Module } from '@nestjs/common';

import { ReferentielDataAccessModule } from '@spie/referentiel/data-access';

import { CodeListResolver, ReferentielEntryResolver, ReferentielResolver } from './referentiel.resolver';

@Module({
  imports: [ReferentielDataAccessModule],
  providers: [ReferentielResolver, CodeListResolver, ReferentielEntryResolver],
  exports: [ReferentielDataAccessModule],
})
export class ReferentielGraphQLModule {}
