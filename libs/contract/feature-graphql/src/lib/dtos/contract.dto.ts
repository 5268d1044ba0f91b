import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

import {
  CONTRACT_STATUS_CHANGES,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  OBJECTIVE_STATUSES,
  SIGNATURE_METHODS,
  type ContractStatus,
  type ContractType,
  type ObjectiveStatus,
  type SignatureMethod,
} from '@spie/contract/domain';
import { LocalDateScalar } from '@spie/platform/graphql';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const ContractTypeEnum = enumOf(CONTRACT_TYPES);
registerEnumType(ContractTypeEnum, {
  name: 'ContractType',
  description: 'CER, PPAE, CEJ, PACEA or the unified contrat d’engagement',
});

export const ContractStatusEnum = enumOf(CONTRACT_STATUSES);
registerEnumType(ContractStatusEnum, {
  name: 'ContractStatus',
  description: 'draft → signed → active ⇄ suspended; ended',
});

export const SignatureMethodEnum = enumOf(SIGNATURE_METHODS);
registerEnumType(SignatureMethodEnum, { name: 'SignatureMethod' });

export const ContractStatusChangeEnum = enumOf(CONTRACT_STATUS_CHANGES);
registerEnumType(ContractStatusChangeEnum, {
  name: 'ContractStatusChange',
  description:
    'activate (signed → active), suspend (active → suspended), resume (suspended → active), end (→ ended, with a reason)',
});

export const ContractObjectiveStatusEnum = enumOf(OBJECTIVE_STATUSES);
registerEnumType(ContractObjectiveStatusEnum, {
  name: 'ContractObjectiveStatus',
  description: 'in_progress until the référent records the objective reached, not_reached or abandoned',
});

@ObjectType('ContractObjectiveStatusChange', { description: 'One follow-up of an objective' })
export class ContractObjectiveStatusChangeDTO {
  @Field(() => ContractObjectiveStatusEnum)
  status!: ObjectiveStatus;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'Agent id, connector name or person' })
  by!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType('ContractActionStatusChange', { description: 'One follow-up of an action' })
export class ContractActionStatusChangeDTO {
  @Field(() => String, { description: '`action-status` code' })
  status!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'Agent id, connector name or person' })
  by!: string;

  @Field(() => String, { nullable: true })
  comment!: string | null;
}

@ObjectType('ContractAction')
export class ContractActionDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: '`action` code' })
  code!: string | null;

  @Field(() => String)
  label!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dueDate!: string | null;

  /** Status at signature; `status` is the latest follow-up, or this one. */
  initialStatus!: string;
}

@ObjectType('ContractObjective')
export class ContractObjectiveDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '`theme` code' })
  themeCode!: string;

  @Field(() => String, { nullable: true, description: '`objective` code' })
  code!: string | null;

  @Field(() => String)
  label!: string;

  @Field(() => [ContractActionDTO])
  actions!: ContractActionDTO[];

  /** Status at signature; `status` is the latest follow-up, or this one. */
  initialStatus!: ObjectiveStatus;
}

@ObjectType('ContractVersion', {
  description: 'The content of a contract at one version; immutable once signed',
})
export class ContractVersionDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => LocalDateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => Date, { nullable: true })
  signedAt!: Date | null;

  @Field(() => Boolean, { nullable: true })
  personAgreed!: boolean | null;

  @Field(() => SignatureMethodEnum, { nullable: true })
  signatureMethod!: SignatureMethod | null;

  @Field(() => String, {
    nullable: true,
    description: 'SHA-256 (hex) of the canonical JSON of dates, objectives and actions, set at signature',
  })
  contentHash!: string | null;

  @Field(() => [ContractObjectiveDTO])
  objectives!: ContractObjectiveDTO[];

  /** Resolved by `signedBy`. */
  signedByAgentId!: string | null;
}

@ObjectType('ContractEvent', { description: 'One step of the life cycle' })
export class ContractEventDTO {
  @Field(() => String, {
    description: 'created, signed, activated, suspended, resumed, ended, amended, amendment_signed',
  })
  kind!: string;

  @Field(() => ContractStatusEnum, { nullable: true })
  fromStatus!: ContractStatus | null;

  @Field(() => ContractStatusEnum)
  toStatus!: ContractStatus;

  @Field(() => Int, { description: 'Version the event concerns' })
  version!: number;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'Agent id, connector name or person' })
  by!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('Contract', { description: 'A contract of engagement and its life cycle' })
export class ContractDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => ContractTypeEnum)
  type!: ContractType;

  @Field(() => ContractStatusEnum)
  status!: ContractStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  startDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endDate!: string | null;

  @Field(() => Int, {
    description: 'Version in force: the latest signed one, or the draft before any signature',
  })
  currentVersion!: number;

  @Field(() => String, { nullable: true })
  endReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  /** Resolved by `organisation` and `referent`. */
  personId!: string;
  organisationId!: string;
  referentAgentId!: string | null;
}
