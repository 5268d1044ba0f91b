import { Args, Mutation, Resolver } from '@nestjs/graphql';

import { PersonService } from '@spie/person/data-access';
import { CurrentActor, OpenToPeople } from '@spie/platform/auth';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { currentCorrelationId } from '@spie/platform/logging';
import { actorProvenance, type Actor } from '@spie/shared/kernel';

import { MyContactUpdateDTO, UpdateMyContactInput } from './dtos/update-my-contact.input';

/**
 * The person completes or corrects their own contact details from the portal (« qualification ou complétude du
 * profil »): applied at once, recorded in the file history with the person as the source, so every partner reads the
 * new value (« dites-le nous une fois »).
 */
@Resolver()
export class MyContactResolver {
  constructor(private readonly persons: PersonService) {}

  @OpenToPeople()
  @Mutation(() => MyContactUpdateDTO, { description: 'The person signed in corrects their contact details' })
  async updateMyContact(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateMyContactInput,
  ): Promise<MyContactUpdateDTO> {
    if (actor.kind !== 'person')
      throw hubGraphQLError(HubErrorCode.Forbidden, 'Only a person updates their contact');
    const changes: Parameters<PersonService['update']>[1] = {};
    if (input.email !== undefined) changes.email = input.email?.trim().toLowerCase() || null;
    if (input.phone !== undefined) changes.phone = input.phone?.replace(/\s+/g, '') || null;
    if (input.address !== undefined)
      changes.address = input.address
        ? {
            lines: input.address.lines.map((line) => line.trim()).filter(Boolean),
            postalCode: input.address.postalCode,
            city: input.address.city.trim(),
          }
        : null;
    const changed = await this.persons.update(
      actor.id,
      changes,
      actorProvenance(actor, currentCorrelationId()),
    );
    return { changed };
  }
}
