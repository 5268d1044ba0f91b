import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import {
  CONTRACT_STATUS_CHANGES,
  CONTRACT_TYPES,
  OBJECTIVE_STATUSES,
  SIGNATURE_METHODS,
  type ContractStatusChange,
  type ContractType,
  type ObjectiveStatus,
  type SignatureMethod,
} from '@spie/contract/domain';
import { LocalDateScalar } from '@spie/platform/graphql';

import {
  ContractObjectiveStatusEnum,
  ContractStatusChangeEnum,
  ContractTypeEnum,
  SignatureMethodEnum,
} from './contract.dto';

@InputType()
export class ContractActionInput {
  @Field(() => String, { nullable: true, description: '`action` code of the objective’s theme' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the référentiel label of the code' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  label?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsString()
  dueDate?: string | null;
}

@InputType()
export class ContractObjectiveInput {
  @Field(() => String, { description: '`theme` code' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  themeCode!: string;

  @Field(() => String, { nullable: true, description: '`objective` code of that theme' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the référentiel label of the code' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  label?: string | null;

  @Field(() => [ContractActionInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ContractActionInput)
  actions!: ContractActionInput[];
}

@InputType()
export class CreateContractInput {
  @Field(() => ID)
  @IsUUID()
  personId!: string;

  @Field(() => ContractTypeEnum)
  @IsIn(CONTRACT_TYPES)
  type!: ContractType;

  @Field(() => ID, {
    nullable: true,
    description: "Organisation holding the contract; defaults to the caller's",
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  referentAgentId?: string | null;

  @Field(() => LocalDateScalar)
  @IsString()
  startDate!: string;

  @Field(() => LocalDateScalar, { description: 'After the start date' })
  @IsString()
  endDate!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @Field(() => [ContractObjectiveInput])
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ContractObjectiveInput)
  objectives!: ContractObjectiveInput[];
}

@InputType({
  description:
    'Parts left out are kept; objectives, when given, replace every objective and action of the draft',
})
export class UpdateContractDraftInput {
  @Field(() => ID)
  @IsUUID()
  contractId!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsString()
  startDate?: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsString()
  endDate?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string | null;

  @Field(() => [ContractObjectiveInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ContractObjectiveInput)
  objectives?: ContractObjectiveInput[];
}

@InputType()
export class SignContractInput {
  @Field(() => ID)
  @IsUUID()
  contractId!: string;

  @Field(() => Date, { nullable: true, description: 'Defaults to now; never in the future' })
  @IsOptional()
  @IsDate()
  signedAt?: Date | null;

  @Field(() => Boolean, { description: 'The person agrees to the contract (required to sign)' })
  @IsBoolean()
  personAgreed!: boolean;

  @Field(() => SignatureMethodEnum)
  @IsIn(SIGNATURE_METHODS)
  signatureMethod!: SignatureMethod;
}

@InputType()
export class ChangeContractStatusInput {
  @Field(() => ID)
  @IsUUID()
  contractId!: string;

  @Field(() => ContractStatusChangeEnum)
  @IsIn(CONTRACT_STATUS_CHANGES)
  change!: ContractStatusChange;

  @Field(() => String, { nullable: true, description: 'Required to end a contract' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string | null;
}

@InputType()
export class SetContractActionStatusInput {
  @Field(() => ID)
  @IsUUID()
  actionId!: string;

  @Field(() => String, {
    description: '`action-status` code (planned, in_progress, done, abandoned, canceled, standby)',
  })
  @IsString()
  @MaxLength(64)
  status!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType()
export class SetContractObjectiveStatusInput {
  @Field(() => ID)
  @IsUUID()
  objectiveId!: string;

  @Field(() => ContractObjectiveStatusEnum)
  @IsIn(OBJECTIVE_STATUSES)
  status!: ObjectiveStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}
