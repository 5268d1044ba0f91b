import { UseFilters } from '@nestjs/common';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import { PersonService } from '@spie/person/data-access';
import { groupBy, requestLoader, type LoaderContext } from '@spie/platform/graphql';

import { PersonDTO, PersonFieldChangeDTO, PersonIdentifierDTO } from './dtos/person.dto';
import { PersonSearchInput } from './dtos/person-search.input';
import { PersonExceptionFilter } from './person-exception.filter';
import { toPersonDTO, toPersonIdentifierDTO } from './person.mapper';

@Resolver(() => PersonDTO)
@UseFilters(PersonExceptionFilter)
export class PersonResolver {
  constructor(private readonly persons: PersonService) {}

  @Query(() => PersonDTO, {
    nullable: true,
    description: "One person's consolidated file; null when not found",
  })
  async person(@Args('id', { type: () => ID }) id: string): Promise<PersonDTO | null> {
    const person = (await this.persons.findByIds([id])).get(id);
    // An archived file (CASF R.263-8) or a person declared not a beneficiary is not found by agents.
    if (!person || person.archivedAt || person.notBeneficiaryAt) return null;
    return toPersonDTO(person);
  }

  @Query(() => [PersonDTO], {
    description: 'Find people by NIR, partner identifier, or name with birth date',
  })
  async searchPersons(@Args('input') input: PersonSearchInput): Promise<PersonDTO[]> {
    return (await this.persons.search(input)).map(toPersonDTO);
  }

  @ResolveField(() => [PersonIdentifierDTO])
  async identifiers(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<PersonIdentifierDTO[]> {
    const loader = requestLoader(context, 'person.identifiers', async (ids) =>
      groupBy(await this.persons.identifiersOf(ids), (row) => row.personId),
    );
    return ((await loader.load(person.id)) ?? []).map(toPersonIdentifierDTO);
  }

  @ResolveField(() => [PersonFieldChangeDTO], {
    description: 'Every change of identity and contact values, newest first',
  })
  async history(@Parent() person: PersonDTO): Promise<PersonFieldChangeDTO[]> {
    return (await this.persons.historyOf(person.id)).map((row) => ({
      field: row.field,
      newValue: row.field === 'nir' ? null : row.newValue === null ? null : JSON.stringify(row.newValue),
      provenance: row.provenance,
    }));
  }
}
