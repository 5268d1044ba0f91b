import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

import { AUDIT_ALERT_KINDS, type AuditAlertKind } from '@spie/audit/domain';
import { PageArgs, PageInfoDTO } from '@spie/platform/graphql';

export const AuditAlertKindEnum = Object.fromEntries(AUDIT_ALERT_KINDS.map((kind) => [kind, kind])) as {
  [K in AuditAlertKind]: K;
};
registerEnumType(AuditAlertKindEnum, {
  name: 'AuditAlertKind',
  description:
    'volume: one actor read more distinct persons in an hour than allowed; outside_portfolio: one actor met too many refused or not-found answers in an hour',
});

@ObjectType('AuditOperationCount')
export class AuditOperationCountDTO {
  @Field(() => String)
  operation!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AuditAlert', { description: 'An unusual pattern found in the audit log' })
export class AuditAlertDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => AuditAlertKindEnum)
  kind!: AuditAlertKind;

  @Field(() => String)
  actorKind!: string;

  @Field(() => String)
  actorId!: string;

  @Field(() => String)
  actorLogin!: string;

  @Field(() => ID, { nullable: true })
  organisationId!: string | null;

  @Field(() => String, { nullable: true })
  organisationName!: string | null;

  @Field(() => Date)
  windowStart!: Date;

  @Field(() => Date)
  windowEnd!: Date;

  @Field(() => Int, {
    description: 'Distinct persons read (volume) or refused/not-found answers in the window',
  })
  count!: number;

  @Field(() => Int, { description: 'The alert means count > threshold' })
  threshold!: number;

  @Field(() => [AuditOperationCountDTO], { description: 'Operations counted in the window' })
  operations!: AuditOperationCountDTO[];

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true })
  acknowledgedBy!: string | null;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;
}

@ObjectType('AuditAlertConnection')
export class AuditAlertConnectionDTO {
  @Field(() => [AuditAlertDTO], { description: 'Newest first' })
  nodes!: AuditAlertDTO[];

  @Field(() => PageInfoDTO)
  pageInfo!: PageInfoDTO;
}

@ArgsType()
export class AuditAlertArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'true: acknowledged only; false: open only' })
  @IsOptional()
  @IsBoolean()
  acknowledged?: boolean | null;

  @Field(() => AuditAlertKindEnum, { nullable: true })
  @IsOptional()
  @IsIn(AUDIT_ALERT_KINDS)
  kind?: AuditAlertKind | null;
}
