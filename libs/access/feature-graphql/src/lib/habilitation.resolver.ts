import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { isPurpose, LEGAL_BASES, PURPOSES } from '@spie/access/domain';
import { HabilitationService, type HabilitationEntity } from '@spie/access/data-access';
import { CurrentActor, Permission, Requires } from '@spie/platform/auth';
import { hubGraphQLError, HubErrorCode } from '@spie/platform/graphql';
import { hasUuidShape, type Actor } from '@spie/shared/kernel';

import { HabilitationDTO } from './dtos/habilitation.dto';

function toHabilitationDTO(row: HabilitationEntity): HabilitationDTO {
  const basis = LEGAL_BASES.find((candidate) => candidate.id === row.legalBasis);
  return {
    id: row.id,
    organisationId: row.organisationId,
    purpose: row.purpose,
    purposeLabel: isPurpose(row.purpose) ? PURPOSES[row.purpose].label : row.purpose,
    legalBasis: basis ? { code: basis.id, text: basis.text, article: basis.article, url: basis.url } : null,
    readCategories: row.readCategories,
    writeCategories: row.writeCategories,
    validFrom: row.validFrom,
    validTo: row.validTo,
    retentionMonths: row.retentionMonths,
    revokedAt: row.revokedAt,
    revokedBy: row.revokedBy,
    revocationReason: row.revocationReason,
    grantedBy: row.grantedBy,
  };
}

/** Habilitations as data: administrators and the DPO read them, administrators revoke them (effective at once). */
@Resolver(() => HabilitationDTO)
export class HabilitationResolver {
  constructor(private readonly service: HabilitationService) {}

  @Requires(Permission.HabilitationsRead)
  @Query(() => [HabilitationDTO], {
    description: 'Habilitations, of one organisation or of all, oldest first (revoked ones included)',
  })
  async habilitations(
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string | null,
  ): Promise<HabilitationDTO[]> {
    return (await this.service.list(organisationId ?? undefined)).map(toHabilitationDTO);
  }

  @Requires(Permission.HabilitationsManage)
  @Mutation(() => HabilitationDTO, {
    description: 'Revokes a habilitation: the organisation’s next request no longer acts under it',
  })
  async revokeHabilitation(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String }) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<HabilitationDTO> {
    if (reason.trim().length < 3 || reason.length > 2000) {
      throw hubGraphQLError(
        HubErrorCode.BadUserInput,
        'Say why the habilitation is revoked (3 to 2000 characters)',
        {
          reason: 'REASON_REQUIRED',
        },
      );
    }
    const row = hasUuidShape(id) ? await this.service.revoke(id, actor.login, reason.trim()) : null;
    if (!row) throw hubGraphQLError(HubErrorCode.NotFound, 'No such habilitation');
    return toHabilitationDTO(row);
  }
}
