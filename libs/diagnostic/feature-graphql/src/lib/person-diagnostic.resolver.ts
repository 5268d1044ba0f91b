import { UseFilters } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { DiagnosticService } from '@spie/diagnostic/data-access';
import { PersonDTO } from '@spie/person/feature-graphql';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';

import { DiagnosticExceptionFilter } from './diagnostic-exception.filter';
import { toDiagnosticDTO, toDiagnosticSummaryDTO } from './diagnostic.mapper';
import { DiagnosticDTO, DiagnosticSummaryDTO } from './dtos/diagnostic.dto';

/** The diagnostic fields of `Person`, batched across every person of the request. */
@Resolver(() => PersonDTO)
@UseFilters(DiagnosticExceptionFilter)
export class PersonDiagnosticResolver {
  constructor(private readonly diagnostics: DiagnosticService) {}

  @ResolveField(() => DiagnosticDTO, {
    nullable: true,
    description: 'The latest version of the diagnostic; null when none was recorded',
  })
  async diagnostic(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<DiagnosticDTO | null> {
    const loader = requestLoader(context, 'diagnostic.current', (ids) => this.diagnostics.current(ids));
    const diagnostic = await loader.load(person.id);
    return diagnostic ? toDiagnosticDTO(diagnostic) : null;
  }

  @ResolveField(() => [DiagnosticSummaryDTO], {
    description: 'Every version of the diagnostic, newest first',
  })
  async diagnosticHistory(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<DiagnosticSummaryDTO[]> {
    const loader = requestLoader(context, 'diagnostic.history', (ids) => this.diagnostics.historyOf(ids));
    return ((await loader.load(person.id)) ?? []).map(toDiagnosticSummaryDTO);
  }
}
