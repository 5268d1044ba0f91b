import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';

import { AUDIT_OUTCOMES, type AuditOutcome } from '@spie/audit/domain';
import { PageArgs, PageInfoDTO } from '@spie/platform/graphql';

export const AuditOutcomeEnum = Object.fromEntries(AUDIT_OUTCOMES.map((outcome) => [outcome, outcome])) as {
  [K in AuditOutcome]: K;
};
registerEnumType(AuditOutcomeEnum, {
  name: 'AuditOutcome',
  description: 'allowed; refused; not_found (what an out-of-scope read answers)',
});

@ObjectType('AuditEntry', { description: 'One access decision of the audit log (append-only, hash-chained)' })
export class AuditEntryDTO {
  @Field(() => String, { description: 'Position in the chain' })
  seq!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { description: 'agent, person or system' })
  actorKind!: string;

  @Field(() => String)
  actorId!: string;

  @Field(() => String)
  actorLogin!: string;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => String, { nullable: true, description: 'As it was at the time' })
  organisationName!: string | null;

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => String, { nullable: true })
  legalBasis!: string | null;

  @Field(() => ID, { nullable: true, description: 'Whose data; null when the request named nobody' })
  personId!: string | null;

  @Field(() => String)
  operation!: string;

  @Field(() => [String])
  categories!: string[];

  @Field(() => [String])
  maskedFields!: string[];

  @Field(() => AuditOutcomeEnum)
  outcome!: AuditOutcome;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  correlationId!: string | null;

  @Field(() => String, { description: 'SHA-256 of the entry and the previous hash' })
  hash!: string;
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnectionDTO {
  @Field(() => [AuditEntryDTO], { description: 'Newest first' })
  nodes!: AuditEntryDTO[];

  @Field(() => PageInfoDTO)
  pageInfo!: PageInfoDTO;
}

@InputType('AuditEntryFilter', {
  description: 'Every field is optional; `from` is inclusive, `to` exclusive',
})
export class AuditEntryFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actorLogin?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organisationId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  purpose?: string | null;

  @Field(() => AuditOutcomeEnum, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_OUTCOMES)
  outcome?: AuditOutcome | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  to?: Date | null;
}

@ArgsType()
export class AuditEntriesArgs extends PageArgs {
  @Field(() => AuditEntryFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEntryFilterInput)
  filter?: AuditEntryFilterInput | null;
}
