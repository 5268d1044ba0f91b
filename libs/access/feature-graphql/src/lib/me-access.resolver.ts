import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import {
  decisionOf,
  isChoice,
  PERSON_CHOICES,
  personChoice,
  type PersonChoiceDefinition,
} from '@spie/access/domain';
import { ConsentService } from '@spie/access/data-access';
import { MeDTO } from '@spie/audit/feature-graphql';
import { PersonService } from '@spie/person/data-access';
import { PersonDTO, toPersonDTO } from '@spie/person/feature-graphql';
import { CurrentActor, OpenToPeople } from '@spie/platform/auth';
import { hubGraphQLError, HubErrorCode } from '@spie/platform/graphql';
import type { Actor } from '@spie/shared/kernel';

import { PersonChoiceDTO, PersonChoiceKindValue } from './dtos/person-choice.dto';

/** A choice as the portal shows it: active since `since`, or not made (null). */
function toChoiceDTO(choice: PersonChoiceDefinition, since: Date | null): PersonChoiceDTO {
  return {
    code: choice.code,
    kind: choice.kind as string as PersonChoiceKindValue,
    title: choice.title,
    effect: choice.effect,
    categories: [...choice.categories],
    active: since !== null,
    since,
  };
}

function selfOf(actor: Actor, me?: MeDTO): string {
  if (actor.kind !== 'person' || (me && me.personId !== actor.id)) {
    throw hubGraphQLError(
      HubErrorCode.Forbidden,
      'Only the person signed in reads or changes their own choices',
    );
  }
  return actor.id;
}

/**
 * The person's own side of the access layer: their file as the policy lets them read it (everything about themselves
 * except the NIR), and their choices (oppositions and consents), effective on their next request and on every
 * partner's next request.
 */
@Resolver(() => MeDTO)
export class MeAccessResolver {
  constructor(
    private readonly persons: PersonService,
    private readonly consents: ConsentService,
  ) {}

  @ResolveField(() => PersonDTO, {
    nullable: true,
    description: 'Your file, as the hub holds it (each value with where it comes from)',
  })
  async person(@Parent() me: MeDTO, @CurrentActor() actor: Actor): Promise<PersonDTO | null> {
    const id = selfOf(actor, me);
    const person = (await this.persons.findByIds([id])).get(id);
    return person ? toPersonDTO(person) : null;
  }

  @ResolveField(() => [PersonChoiceDTO], {
    description: 'The oppositions and consents the law leaves to you, and whether you made them',
  })
  async choices(@Parent() me: MeDTO, @CurrentActor() actor: Actor): Promise<PersonChoiceDTO[]> {
    const rules = (await this.consents.listOf(selfOf(actor, me))).filter((rule) => rule.status === 'active');
    return PERSON_CHOICES.map((choice) =>
      toChoiceDTO(choice, rules.find((candidate) => isChoice(candidate, choice))?.periodStart ?? null),
    );
  }

  @OpenToPeople()
  @Mutation(() => PersonChoiceDTO, {
    description:
      'Makes (active: true) or withdraws (active: false) one of your choices; partners see the change on their next request',
  })
  async setMyChoice(
    @Args('code', { type: () => String }) code: string,
    @Args('active', { type: () => Boolean }) active: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<PersonChoiceDTO> {
    const personId = selfOf(actor);
    const choice = personChoice(code);
    if (!choice) {
      throw hubGraphQLError(HubErrorCode.BadUserInput, `Unknown choice ${code}`, {
        reason: 'UNKNOWN_CHOICE',
        known: PERSON_CHOICES.map((known) => known.code),
      });
    }
    const current = (await this.consents.listOf(personId)).filter(
      (rule) => rule.status === 'active' && isChoice(rule, choice),
    );
    let since: Date | null = current[0]?.periodStart ?? null;
    if (active && current.length === 0) {
      const saved = await this.consents.record({
        personId,
        decision: decisionOf(choice),
        categories: [...choice.categories],
        verificationMethod: 'franceconnect',
        verifiedBy: actor.login,
      });
      since = saved.periodStart;
    }
    if (!active) {
      for (const rule of current) await this.consents.withdraw(personId, rule.id, actor.login);
      since = null;
    }
    return toChoiceDTO(choice, since);
  }
}
