import { Logger } from '@nestjs/common';
import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { DataCategory, themeCategory } from '@spie/access/domain';
import { requestAccess, type AccessAwareRequest } from '@spie/access/feature-graphql';
import { DiagnosticService } from '@spie/diagnostic/data-access';
import { DiagnosticException, referentielEntryKey } from '@spie/diagnostic/domain';
import { PersonDTO } from '@spie/person/feature-graphql';
import { PersonException } from '@spie/person/domain';
import { CurrentActor, OpenToPeople } from '@spie/platform/auth';
import { HubErrorCode, hubGraphQLError, requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import { deterministicJobId, JobName, JobQueueService } from '@spie/platform/queue';
import {
  CorrectionRequestError,
  CorrectionRequestService,
  type CorrectionProposal,
  type CorrectionRequestEntity,
} from '@spie/self-service/data-access';
import type { Actor } from '@spie/shared/kernel';

import {
  CorrectionRequestDTO,
  CorrectionStatusValue,
  CorrectionTopicValue,
  DecideCorrectionRequestInput,
  RequestCorrectionInput,
} from './dtos/correction-request.dto';

const ITEM_LIST = { situation: 'situation', need: 'objective', constraint: 'ft-contrainte' } as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function toDTO(row: CorrectionRequestEntity, labels: ReadonlyMap<string, string>): CorrectionRequestDTO {
  const proposal = row.proposal;
  return {
    id: row.id,
    topic: row.topic as CorrectionTopicValue,
    message: row.message,
    status: row.status as CorrectionStatusValue,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    comment: row.comment,
    appliedAt: row.appliedAt,
    proposal: !proposal
      ? null
      : proposal.kind === 'identity'
        ? {
            identityField: proposal.field,
            themeCode: null,
            itemKind: null,
            code: null,
            label: null,
            remove: false,
            value: proposal.value,
          }
        : {
            identityField: null,
            themeCode: proposal.item.themeCode,
            itemKind: proposal.item.kind,
            code: proposal.item.code,
            label: labels.get(labelKey(proposal)) ?? null,
            remove: proposal.item.remove,
            value: proposal.item.value,
          },
  };
}

function labelKey(proposal: CorrectionProposal): string {
  if (proposal.kind !== 'diagnostic') return '';
  return referentielEntryKey(ITEM_LIST[proposal.item.kind], proposal.item.code);
}

/** The category a proposal writes: the identity, or the category of the diagnostic theme. */
function categoryOf(proposal: CorrectionProposal): DataCategory {
  return proposal.kind === 'identity' ? DataCategory.Identity : themeCategory(proposal.item.themeCode);
}

/**
 * Corrections of identity or diagnostic: the person asks from the portal (`requestCorrection`), with the right value
 * when they can name it; the request shows in their file (`Person.correctionRequests`, for them and for the agents
 * who may read their identity), and an agent who may write the person's file accepts or declines it with a comment
 * (`decideCorrectionRequest`). Accepting applies the stated value to the file, under the same write rules as any
 * write of that category, with the person's declaration as its source.
 */
@Resolver(() => PersonDTO)
export class CorrectionRequestResolver {
  private readonly logger = new Logger(CorrectionRequestResolver.name);

  constructor(
    private readonly requests: CorrectionRequestService,
    private readonly diagnostics: DiagnosticService,
    private readonly queue: JobQueueService,
  ) {}

  @OpenToPeople()
  @Mutation(() => CorrectionRequestDTO, {
    description: 'The person signed in asks their référent to correct their identity or their diagnostic',
  })
  async requestCorrection(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestCorrectionInput,
    @Context() context: LoaderContext,
  ): Promise<CorrectionRequestDTO> {
    if (actor.kind !== 'person')
      throw hubGraphQLError(HubErrorCode.Forbidden, 'Only a person asks for a correction');
    const proposal = await this.proposalOf(input);
    const row = await this.requests.create(
      actor.id,
      input.topic,
      input.message,
      currentCorrelationId() ?? null,
      proposal,
    );
    return toDTO(row, await this.labels(context, [row]));
  }

  @Mutation(() => CorrectionRequestDTO, {
    description:
      'Accepts or declines a pending correction request of a person the agent accompanies; accepting applies the value the person stated',
  })
  async decideCorrectionRequest(
    @CurrentActor() actor: Actor,
    @Context() context: { req: AccessAwareRequest } & LoaderContext,
    @Args('input') input: DecideCorrectionRequestInput,
  ): Promise<CorrectionRequestDTO> {
    const request = await this.requests.find(input.id);
    const access = requestAccess(context.req);
    let allowed = Boolean(request) && actor.kind === 'agent';
    let writable: ReadonlySet<DataCategory> | null = null;
    if (request && allowed && access && !access.bypass) {
      await access.grant();
      const decision = await access.decision(request.personId);
      allowed = decision.visible && decision.writable.size > 0;
      writable = decision.writable;
    }
    // Out of scope answers as unknown: the request does not exist for this agent.
    if (!request || !allowed) throw hubGraphQLError(HubErrorCode.NotFound, 'No such correction request');
    if (input.accepted && request.proposal && writable) {
      const category = categoryOf(request.proposal);
      if (!writable.has(category)) {
        access?.noteRefusal({
          personId: request.personId,
          operation: 'Mutation.decideCorrectionRequest',
          outcome: 'refused',
          reason: `no write on ${category}`,
        });
        throw hubGraphQLError(
          HubErrorCode.Forbidden,
          `This account may not write ${category} for this purpose: decline the request and tell the person whom to ask`,
          { category },
        );
      }
    }
    let decided: CorrectionRequestEntity;
    try {
      decided = await this.requests.decide(request.id, {
        status: input.accepted ? 'accepted' : 'declined',
        agentId: actor.id,
        organisationId: actor.organisationId,
        comment: input.comment ?? null,
      });
    } catch (error) {
      if (error instanceof CorrectionRequestError && error.code === 'ALREADY_DECIDED')
        throw hubGraphQLError(HubErrorCode.Conflict, error.message);
      if (error instanceof DiagnosticException || error instanceof PersonException)
        throw hubGraphQLError(
          HubErrorCode.BadUserInput,
          `The correction cannot be applied: ${error.message}`,
          {
            reason: error.code,
          },
        );
      throw error;
    }
    if (decided.appliedAt && decided.proposal?.kind === 'diagnostic')
      await this.recomputeParcours(decided.personId, actor);
    return toDTO(decided, await this.labels(context, [decided]));
  }

  @ResolveField(() => [CorrectionRequestDTO], {
    description:
      'Corrections the person asked for from the portal, newest first, with the référent’s decisions',
  })
  async correctionRequests(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<CorrectionRequestDTO[]> {
    const loader = requestLoader(context, 'correctionRequests', async (ids: readonly string[]) => {
      const byPerson = await this.requests.ofPersons(ids);
      const labels = await this.labels(context, [...byPerson.values()].flat());
      return new Map(ids.map((id) => [id, (byPerson.get(id) ?? []).map((row) => toDTO(row, labels))]));
    });
    return (await loader.load(person.id)) ?? [];
  }

  /** The structured part of a request, checked now so that an accepted request can always be applied. */
  private async proposalOf(input: RequestCorrectionInput): Promise<CorrectionProposal | null> {
    if (input.identity && input.diagnostic)
      throw hubGraphQLError(
        HubErrorCode.BadUserInput,
        'State an identity value or a diagnostic item, not both',
      );
    if (input.identity) {
      if (input.topic !== CorrectionTopicValue.IDENTITY)
        throw hubGraphQLError(HubErrorCode.BadUserInput, 'An identity value goes with the IDENTITY topic');
      const value = input.identity.value.trim();
      if (!value) throw hubGraphQLError(HubErrorCode.BadUserInput, 'The right value is empty');
      if (input.identity.field === 'birthDate' && !isPastDay(value))
        throw hubGraphQLError(HubErrorCode.BadUserInput, 'A birth date is YYYY-MM-DD, in the past', {
          fields: ['identity.value'],
        });
      return { kind: 'identity', field: input.identity.field, value };
    }
    if (input.diagnostic) {
      if (input.topic !== CorrectionTopicValue.DIAGNOSTIC)
        throw hubGraphQLError(HubErrorCode.BadUserInput, 'A diagnostic item goes with the DIAGNOSTIC topic');
      const { themeCode, kind, code, remove } = input.diagnostic;
      const value = kind === 'situation' || remove ? null : (input.diagnostic.value?.trim() ?? '');
      if (value === '')
        throw hubGraphQLError(HubErrorCode.BadUserInput, 'A need or a constraint needs its value', {
          fields: ['diagnostic.value'],
        });
      const correction = { themeCode, kind, code, remove, value };
      try {
        await this.diagnostics.assertCorrectable(correction);
      } catch (error) {
        if (error instanceof DiagnosticException)
          throw hubGraphQLError(HubErrorCode.BadUserInput, error.message, { reason: error.code });
        throw error;
      }
      return { kind: 'diagnostic', item: correction };
    }
    return null;
  }

  private async labels(
    context: LoaderContext,
    rows: readonly CorrectionRequestEntity[],
  ): Promise<Map<string, string>> {
    const keys = [
      ...new Set(
        rows.flatMap((row) => (row.proposal?.kind === 'diagnostic' ? [labelKey(row.proposal)] : [])),
      ),
    ];
    if (keys.length === 0) return new Map();
    const loader = requestLoader(context, 'diagnostic.referentielLabels', (wanted) =>
      this.diagnostics.labels(wanted),
    );
    const found = await loader.loadMany(keys);
    const labels = new Map<string, string>();
    keys.forEach((key, index) => {
      const entry = found[index];
      if (entry && !(entry instanceof Error)) labels.set(key, entry.label);
    });
    return labels;
  }

  private async recomputeParcours(personId: string, actor: Actor): Promise<void> {
    const correlationId = currentCorrelationId() ?? 'none';
    try {
      await this.queue.enqueue(
        JobName.RecomputeParcoursStatus,
        {
          personId,
          reason: 'diagnostic',
          correlationId,
          actor: { kind: actor.kind, id: actor.id, login: actor.login, organisationId: actor.organisationId },
        },
        { deduplicationId: deterministicJobId('parcours', personId) },
      );
    } catch (error) {
      this.logger.warn(
        { correlationId, error: error instanceof Error ? error.message : String(error) },
        'parcours recompute not enqueued',
      );
    }
  }
}

function isPastDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return (
    !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value && day.getTime() < Date.now()
  );
}
