import { UseFilters } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { DiagnosticService, type DiagnosticItemEntity } from '@spie/diagnostic/data-access';
import { referentielEntryKey } from '@spie/diagnostic/domain';
import { OrganisationService } from '@spie/organisation/data-access';
import { agentLoader, organisationLoader, toAgentDTO, toOrganisationDTO } from '@spie/organisation/feature-graphql';
import { CurrentActor } from '@spie/platform/auth';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import { JobQueueService } from '@spie/platform/queue';
import { actorProvenance, type Actor } from '@spie/shared/kernel';

import { DiagnosticExceptionFilter } from './diagnostic-exception.filter';
import { toDiagnosticDTO } from './diagnostic.mapper';
import { DiagnosticAuthorDTO, DiagnosticDTO, DiagnosticThemeDTO } from './dtos/diagnostic.dto';
import { RecordDiagnosticInput } from './dtos/record-diagnostic.input';
import { enqueueParcoursRecompute } from './parcours-recompute';

/** Référentiel list of each kind of item shown under a theme. */
const ITEM_LISTS = { situation: 'situation', need: 'objective', constraint: 'ft-contrainte' } as const;
type ShownKind = keyof typeof ITEM_LISTS;
const isShown = (item: DiagnosticItemEntity): item is DiagnosticItemEntity & { kind: ShownKind } => item.kind in ITEM_LISTS;

@Resolver(() => DiagnosticDTO)
@UseFilters(DiagnosticExceptionFilter)
export class DiagnosticResolver {
  constructor(
    private readonly diagnostics: DiagnosticService,
    private readonly organisations: OrganisationService,
    private readonly queue: JobQueueService,
  ) {}

  @Mutation(() => DiagnosticDTO, { description: "Records a new version of a person's diagnostic, stated by the calling agent" })
  async recordDiagnostic(@Args('input') input: RecordDiagnosticInput, @CurrentActor() actor: Actor): Promise<DiagnosticDTO> {
    const { personId, ...content } = input;
    const diagnostic = await this.diagnostics.record(personId, content, actorProvenance(actor, currentCorrelationId()), {
      agentId: actor.kind === 'agent' ? actor.id : null,
      organisationId: actor.organisationId,
    });
    await enqueueParcoursRecompute(this.queue, personId, actor);
    return toDiagnosticDTO(diagnostic);
  }

  @ResolveField(() => DiagnosticAuthorDTO)
  async author(@Parent() diagnostic: DiagnosticDTO, @Context() context: LoaderContext): Promise<DiagnosticAuthorDTO> {
    const [organisation, agent] = await Promise.all([
      diagnostic.authorOrganisationId
        ? organisationLoader(context, this.organisations).load(diagnostic.authorOrganisationId)
        : null,
      diagnostic.authorAgentId ? agentLoader(context, this.organisations).load(diagnostic.authorAgentId) : null,
    ]);
    return { organisation: organisation ? toOrganisationDTO(organisation) : null, agent: agent ? toAgentDTO(agent) : null };
  }

  @ResolveField(() => [DiagnosticThemeDTO], { description: 'Themes in référentiel order, with labels of the current référentiel' })
  async themes(@Parent() diagnostic: DiagnosticDTO, @Context() context: LoaderContext): Promise<DiagnosticThemeDTO[]> {
    const items = diagnostic.items.filter(isShown);
    const themeCodes = [...new Set(items.map((item) => item.themeCode))];
    const keys = [
      ...themeCodes.map((code) => referentielEntryKey('theme', code)),
      ...items.map((item) => referentielEntryKey(ITEM_LISTS[item.kind], item.code)),
    ];
    const loader = requestLoader(context, 'diagnostic.referentielLabels', (wanted) => this.diagnostics.labels(wanted));
    const found = await loader.loadMany(keys);
    const entries = new Map(keys.map((key, index) => [key, found[index]]));
    const entryOf = (list: string, code: string) => {
      const entry = entries.get(referentielEntryKey(list, code));
      return entry && !(entry instanceof Error) ? entry : null;
    };
    const byPosition = (list: string) => (a: { code: string }, b: { code: string }) =>
      (entryOf(list, a.code)?.position ?? Number.MAX_SAFE_INTEGER) - (entryOf(list, b.code)?.position ?? Number.MAX_SAFE_INTEGER) ||
      a.code.localeCompare(b.code);
    const labelOf = (list: string, code: string) => entryOf(list, code)?.label ?? code;

    return themeCodes
      .map((code) => ({ code }))
      .sort(byPosition('theme'))
      .map(({ code }) => {
        const under = (kind: ShownKind) =>
          items
            .filter((item) => item.themeCode === code && item.kind === kind)
            .sort(byPosition(ITEM_LISTS[kind]))
            .map((item) => ({
              code: item.code,
              label: labelOf(ITEM_LISTS[kind], item.code),
              value: item.value ?? '',
              provenance: item.provenance,
            }));
        return {
          code,
          label: labelOf('theme', code),
          situations: under('situation').map(({ value: _value, ...situation }) => situation),
          needs: under('need'),
          constraints: under('constraint'),
        };
      });
  }
}
