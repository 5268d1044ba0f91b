import { UseFilters } from '@nestjs/common';
import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';

import { HouseholdRightsService, type RsaRightStatusEntity } from '@spie/household-rights/data-access';
import { currentStatusSince } from '@spie/household-rights/domain';
import { PersonDTO } from '@spie/person/feature-graphql';
import { requestLoader, type LoaderContext } from '@spie/platform/graphql';
import { ReferentielService } from '@spie/referentiel/data-access';
import { referentielLabel } from '@spie/referentiel/feature-graphql';

import {
  HouseholdDTO,
  HouseholdMembershipDTO,
  RsaRightDTO,
  RsaRightMonthDTO,
} from './dtos/household-rights.dto';
import { HouseholdRightsExceptionFilter } from './household-rights-exception.filter';
import { toHouseholdMembershipDTO, toRsaRightDTO, toRsaRightMonthDTO } from './household-rights.mapper';

/** One query per request for the right histories of every person asked (the current right is the newest month). */
function rightHistoryLoader(context: LoaderContext, service: HouseholdRightsService) {
  return requestLoader<RsaRightStatusEntity[]>(context, 'household-rights.history', (personIds) =>
    service.rightHistories(personIds),
  );
}

/** Read-only: CAF/MSA households and RSA rights are written by the connectors. */
@Resolver(() => PersonDTO)
@UseFilters(HouseholdRightsExceptionFilter)
export class PersonHouseholdRightsResolver {
  constructor(private readonly service: HouseholdRightsService) {}

  @ResolveField(() => [HouseholdMembershipDTO], {
    description: 'Current memberships of CAF/MSA RSA households',
  })
  async households(
    @Parent() person: PersonDTO,
    @Context() context: LoaderContext,
  ): Promise<HouseholdMembershipDTO[]> {
    const loader = requestLoader(context, 'household-rights.households', (personIds) =>
      this.service.householdsOf(personIds),
    );
    return ((await loader.load(person.id)) ?? []).map(toHouseholdMembershipDTO);
  }

  @ResolveField(() => RsaRightDTO, {
    nullable: true,
    description: 'The current RSA right; null when no household sent one',
  })
  async rsa(@Parent() person: PersonDTO, @Context() context: LoaderContext): Promise<RsaRightDTO | null> {
    const history = (await rightHistoryLoader(context, this.service).load(person.id)) ?? [];
    const [current] = history;
    const since = currentStatusSince(history);
    return current && since ? toRsaRightDTO(person.id, current, since) : null;
  }
}

@Resolver(() => HouseholdMembershipDTO)
export class HouseholdMembershipResolver {
  constructor(private readonly referentiel: ReferentielService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Label of the role (référentiel role-personne)',
  })
  roleLabel(@Parent() membership: HouseholdMembershipDTO): Promise<string | null> {
    return referentielLabel(this.referentiel, 'role-personne', membership.role);
  }
}

@Resolver(() => HouseholdDTO)
export class HouseholdResolver {
  constructor(private readonly referentiel: ReferentielService) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Label of the family situation (référentiel situation-familiale)',
  })
  familySituationLabel(@Parent() household: HouseholdDTO): Promise<string | null> {
    return referentielLabel(this.referentiel, 'situation-familiale', household.familySituation);
  }
}

@Resolver(() => RsaRightDTO)
export class RsaRightResolver {
  constructor(
    private readonly service: HouseholdRightsService,
    private readonly referentiel: ReferentielService,
  ) {}

  @ResolveField(() => String, {
    nullable: true,
    description: 'Label of ETATDOSRSA (référentiel etat-dossier-rsa)',
  })
  etatDossierLabel(@Parent() right: RsaRightDTO): Promise<string | null> {
    return referentielLabel(this.referentiel, 'etat-dossier-rsa', right.etatDossier);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Label of MOTISUSVERSRSA (référentiel motif-suspension-rsa)',
  })
  suspensionReasonLabel(@Parent() right: RsaRightDTO): Promise<string | null> {
    return referentielLabel(this.referentiel, 'motif-suspension-rsa', right.suspensionReason);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Label of MOTICLORSA (référentiel motif-cloture-rsa)',
  })
  closureReasonLabel(@Parent() right: RsaRightDTO): Promise<string | null> {
    return referentielLabel(this.referentiel, 'motif-cloture-rsa', right.closureReason);
  }

  @ResolveField(() => [RsaRightMonthDTO], { description: 'One row per reference month, newest first' })
  async history(
    @Parent() right: RsaRightDTO,
    @Context() context: LoaderContext,
  ): Promise<RsaRightMonthDTO[]> {
    return ((await rightHistoryLoader(context, this.service).load(right.personId)) ?? []).map(
      toRsaRightMonthDTO,
    );
  }
}
