import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { requestAccess, type AccessAwareRequest } from '@spie/access/feature-graphql';
import { PersonDTO } from '@spie/person/feature-graphql';
import { CurrentActor, OpenToPeople } from '@spie/platform/auth';
import { HubErrorCode, hubGraphQLError, requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import {
  CorrectionRequestError,
  CorrectionRequestService,
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

function toDTO(row: CorrectionRequestEntity): CorrectionRequestDTO {
  return {
    id: row.id,
    topic: row.topic as CorrectionTopicValue,
    message: row.message,
    status: row.status as CorrectionStatusValue,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    comment: row.comment,
  };
}

/**
 * Corrections of identity or diagnostic: the person asks from the portal (`requestCorrection`), the request shows in
 * their file (`Person.correctionRequests`, for them and for the agents who may read their identity), and an agent
 * who may write the person's file accepts or declines it with a comment (`decideCorrectionRequest`).
 */
@Resolver(() => PersonDTO)
export class CorrectionRequestResolver {
  constructor(private readonly requests: CorrectionRequestService) {}

  @OpenToPeople()
  @Mutation(() => CorrectionRequestDTO, {
    description: 'The person signed in asks their référent to correct their identity or their diagnostic',
  })
  async requestCorrection(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestCorrectionInput,
  ): Promise<CorrectionRequestDTO> {
    if (actor.kind !== 'person')
      throw hubGraphQLError(HubErrorCode.Forbidden, 'Only a person asks for a correction');
    return toDTO(
      await this.requests.create(actor.id, input.topic, input.message, currentCorrelationId() ?? null),
    );
  }

  @Mutation(() => CorrectionRequestDTO, {
    description: 'Accepts or declines a pending correction request of a person the agent accompanies',
  })
  async decideCorrectionRequest(
    @CurrentActor() actor: Actor,
    @Context() context: { req: AccessAwareRequest },
    @Args('input') input: DecideCorrectionRequestInput,
  ): Promise<CorrectionRequestDTO> {
    const request = await this.requests.find(input.id);
    const access = requestAccess(context.req);
    let allowed = Boolean(request) && actor.kind === 'agent';
    if (request && allowed && access && !access.bypass) {
      await access.grant();
      const decision = await access.decision(request.personId);
      allowed = decision.visible && decision.writable.size > 0;
    }
    // Out of scope answers as unknown: the request does not exist for this agent.
    if (!request || !allowed) throw hubGraphQLError(HubErrorCode.NotFound, 'No such correction request');
    try {
      const decided = await this.requests.decide(request.id, {
        status: input.accepted ? 'accepted' : 'declined',
        agentId: actor.id,
        organisationId: actor.organisationId,
        comment: input.comment ?? null,
      });
      return toDTO(decided);
    } catch (error) {
      if (error instanceof CorrectionRequestError && error.code === 'ALREADY_DECIDED')
        throw hubGraphQLError(HubErrorCode.Conflict, error.message);
      throw error;
    }
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
      return new Map(ids.map((id) => [id, (byPerson.get(id) ?? []).map(toDTO)]));
    });
    return (await loader.load(person.id)) ?? [];
  }
}
