import { Module } from '@nestjs/common';

import { DiagnosticDataAccessModule } from '@spie/diagnostic/data-access';

import { DiagnosticResolver } from './diagnostic.resolver';
import { PersonDiagnosticResolver } from './person-diagnostic.resolver';

@Module({
  imports: [DiagnosticDataAccessModule],
  providers: [DiagnosticResolver, PersonDiagnosticResolver],
  exports: [DiagnosticDataAccessModule],
})
export class DiagnosticGraphQLModule {}
