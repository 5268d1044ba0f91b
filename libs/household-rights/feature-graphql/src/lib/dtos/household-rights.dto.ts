import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

import { RSA_STATUSES, type RsaStatus } from '@spie/household-rights/domain';
import { ProvenanceDTO } from '@spie/person/feature-graphql';
import { LocalDateScalar } from '@spie/platform/graphql';

export const RsaStatusEnum = Object.fromEntries(RSA_STATUSES.map((status) => [status, status])) as Record<
  RsaStatus,
  RsaStatus
>;
registerEnumType(RsaStatusEnum, {
  name: 'RsaStatus',
  description: 'Plain status of the RSA right, from ETATDOSRSA (0 pending … 6 closed_previous)',
});

@ObjectType('Household', { description: 'The RSA household file at CAF or MSA' })
export class HouseholdDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  departmentCode!: string;

  @Field(() => String, { nullable: true, description: 'SITFAM code (référentiel situation-familiale)' })
  familySituation!: string | null;
}

@ObjectType('HouseholdMembership', { description: "A person's current membership of an RSA household" })
export class HouseholdMembershipDTO {
  @Field(() => String, { description: 'caf or msa' })
  organisme!: string;

  @Field(() => String, { description: 'MATRICULE: the CAF/MSA file number' })
  matricule!: string;

  @Field(() => String, { nullable: true, description: 'NUMDEMRSA' })
  numDemRsa!: string | null;

  @Field(() => String, { description: 'ROLEPERS code (référentiel role-personne)' })
  role!: string;

  @Field(() => LocalDateScalar, { description: 'Date the membership with this role started' })
  since!: string;

  @Field(() => HouseholdDTO)
  household!: HouseholdDTO;
}

@ObjectType('RsaRightMonth', { description: 'The state of the right for one reference month' })
export class RsaRightMonthDTO {
  @Field(() => LocalDateScalar, { description: 'First day of the reference month' })
  month!: string;

  @Field(() => RsaStatusEnum)
  status!: RsaStatus;

  @Field(() => String, { description: 'ETATDOSRSA' })
  etatDossier!: string;

  @Field(() => String, { nullable: true, description: 'MOTISUSVERSRSA' })
  suspensionReason!: string | null;

  @Field(() => String, { nullable: true, description: 'MOTICLORSA' })
  closureReason!: string | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}

@ObjectType('RsaRight', { description: "A person's RSA right as sent by CAF/MSA" })
export class RsaRightDTO {
  /** The person the right was read for (not exposed: the parent already is). */
  personId!: string;

  @Field(() => RsaStatusEnum)
  status!: RsaStatus;

  @Field(() => LocalDateScalar, {
    description: 'First month of the current uninterrupted run of this status',
  })
  since!: string;

  @Field(() => Boolean, { nullable: true, description: 'TOPPERSDRODEVORSA: soumis aux droits et devoirs' })
  subjectToRightsAndDuties!: boolean | null;

  @Field(() => String, { description: 'ETATDOSRSA code' })
  etatDossier!: string;

  @Field(() => String, { nullable: true, description: 'MOTISUSVERSRSA code' })
  suspensionReason!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  suspendedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'MOTICLORSA code' })
  closureReason!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  closedOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  openedOn!: string | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}
