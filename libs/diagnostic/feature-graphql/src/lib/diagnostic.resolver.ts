import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { DiagnosticService, type ReferentielLabel } from '@spie/diagnostic/data-access';
import { OrganisationService } from '@spie/organisation/data-access';
import {
  agentLoader,
  organisationLoader,
  toAgentDTO,
  toOrganisationDTO,
} from '@spie/organisation/feature-graphql';
import { CurrentActor } from '@spie/platform/auth';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import { JobQueueService } from '@spie/platform/queue';
import { actorProvenance, type Actor } from '@spie/shared/kernel';

import { DiagnosticExceptionFilter } from './diagnostic-exception.filter';
import { referentielKeysOf, toDiagnosticDTO, toDiagnosticThemeDTOs } from './diagnostic.mapper';
import { DiagnosticAuthorDTO, DiagnosticDTO, DiagnosticThemeDTO } from './dtos/diagnostic.dto';
import { RecordDiagnosticInput } from './dtos/record-diagnostic.input';
import { enqueueParcoursRecompute } from './parcours-recompute';

@Resolver(() => DiagnosticDTO)
@UseFilters(DiagnosticExceptionFilter)
export class DiagnosticResolver {
  constructor(
    private readonly diagnostics: DiagnosticService,
    private readonly organisations: OrganisationService,
    private readonly queue: JobQueueService,
  ) {}

  @Mutation(() => DiagnosticDTO, {
    description: "Records a new version of a person's diagnostic, stated by the calling agent",
  })
  async recordDiagnostic(
    @Args('input') input: RecordDiagnosticInput,
    @CurrentActor() actor: Actor,
  ): Promise<DiagnosticDTO> {
    const { personId, ...content } = input;
    const diagnostic = await this.diagnostics.record(
      personId,
      content,
      actorProvenance(actor, currentCorrelationId()),
      {
        agentId: actor.kind === 'agent' ? actor.id : null,
        organisationId: actor.organisationId,
      },
    );
    await enqueueParcoursRecompute(this.queue, personId, actor);
    return toDiagnosticDTO(diagnostic);
  }

  @ResolveField(() => DiagnosticAuthorDTO)
  async author(
    @Parent() diagnostic: DiagnosticDTO,
    @Context() context: LoaderContext,
  ): Promise<DiagnosticAuthorDTO> {
    const [organisation, agent] = await Promise.all([
      diagnostic.authorOrganisationId
        ? organisationLoader(context, this.organisations).load(diagnostic.authorOrganisationId)
        : null,
      diagnostic.authorAgentId
        ? agentLoader(context, this.organisations).load(diagnostic.authorAgentId)
        : null,
    ]);
    return {
      organisation: organisation ? toOrganisationDTO(organisation) : null,
      agent: agent ? toAgentDTO(agent) : null,
    };
  }

  @ResolveField(() => [DiagnosticThemeDTO], {
    description: 'Themes in référentiel order, with labels of the current référentiel',
  })
  async themes(
    @Parent() diagnostic: DiagnosticDTO,
    @Context() context: LoaderContext,
  ): Promise<DiagnosticThemeDTO[]> {
    const keys = referentielKeysOf(diagnostic.items);
    const loader = requestLoader(context, 'diagnostic.referentielLabels', (wanted) =>
      this.diagnostics.labels(wanted),
    );
    const found = await loader.loadMany(keys);
    const labels = new Map<string, ReferentielLabel>();
    keys.forEach((key, index) => {
      const entry = found[index];
      if (entry && !(entry instanceof Error)) labels.set(key, entry);
    });
    return toDiagnosticThemeDTOs(diagnostic.items, labels);
  }
}
