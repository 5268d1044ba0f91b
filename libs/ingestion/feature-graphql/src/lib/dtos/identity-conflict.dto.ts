import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import {
  IDENTITY_CONFLICT_REASONS,
  type IdentityConflictReason,
  type IdentityConflictResolution,
} from '@spie/ingestion/data-access';
import { LocalDateScalar } from '@spie/platform/graphql';

import { connectionOf, PageArgs } from './page.dto';

export const IdentityConflictReasonEnum = Object.fromEntries(
  IDENTITY_CONFLICT_REASONS.map((reason) => [reason, reason]),
) as Record<IdentityConflictReason, IdentityConflictReason>;
registerEnumType(IdentityConflictReasonEnum, {
  name: 'IdentityConflictReason',
  description: 'Why the record was neither merged with a known person nor created',
});

export const IdentityConflictStatusEnum = { OPEN: 'open', RESOLVED: 'resolved' } as const;
export type IdentityConflictStatusValue =
  (typeof IdentityConflictStatusEnum)[keyof typeof IdentityConflictStatusEnum];
registerEnumType(IdentityConflictStatusEnum, {
  name: 'IdentityConflictStatus',
  description: 'OPEN: waits for a decision; RESOLVED: decided',
});

export const IdentityConflictResolutionEnum = {
  MERGE_INTO_EXISTING: 'merge_into_existing',
  KEEP_SEPARATE: 'keep_separate',
  REJECT: 'reject',
} as const satisfies Record<string, IdentityConflictResolution>;
registerEnumType(IdentityConflictResolutionEnum, {
  name: 'IdentityConflictResolution',
  description:
    'MERGE_INTO_EXISTING: the record is one of the candidates; KEEP_SEPARATE: it is another person; REJECT: do not apply it',
});

@ObjectType('ObservedIdentifier')
export class ObservedIdentifierDTO {
  @Field(() => String)
  system!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('ObservedPerson', {
  description: 'The person as the source described them; the NIR is never shown, only whether there was one',
})
export class ObservedPersonDTO {
  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field(() => String, { nullable: true })
  birthName!: string | null;

  @Field(() => [String])
  firstNames!: string[];

  @Field(() => LocalDateScalar, { nullable: true })
  birthDate!: string | null;

  @Field(() => String, { nullable: true })
  sex!: string | null;

  @Field(() => String, { nullable: true, description: 'Role in the household (DEM, CJT, ENF…), when known' })
  role!: string | null;

  @Field(() => Boolean, { description: 'Whether the source gave a NIR (kept encrypted, never shown)' })
  hasNir!: boolean;

  @Field(() => [ObservedIdentifierDTO])
  identifiers!: ObservedIdentifierDTO[];
}

@ObjectType('IdentityConflict', {
  description: 'A record that could be a known person or not: an agent decides (the review queue)',
})
export class IdentityConflictDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The import batch that raised it' })
  batchId!: string;

  @Field(() => String)
  source!: string;

  @Field(() => Int, { description: 'Position of the record in the file' })
  position!: number;

  @Field(() => String, { description: 'Key of the record in its source, NIRs masked' })
  recordKey!: string;

  @Field(() => IdentityConflictReasonEnum)
  reason!: IdentityConflictReason;

  @Field(() => [ID], { description: 'Known people the record could be (query them with `person(id)`)' })
  candidatePersonIds!: string[];

  @Field(() => ObservedPersonDTO)
  observed!: ObservedPersonDTO;

  @Field(() => IdentityConflictStatusEnum)
  status!: IdentityConflictStatusValue;

  @Field(() => IdentityConflictResolutionEnum, { nullable: true })
  resolution!: IdentityConflictResolution | null;

  @Field(() => ID, { nullable: true, description: 'The candidate chosen by a merge' })
  resolvedPersonId!: string | null;

  /** Agent id of who decided; exposed as `resolvedBy: Agent`. */
  resolvedById!: string | null;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Comment given with the decision' })
  comment!: string | null;

  @Field(() => Date)
  createdAt!: Date;
}

export const IdentityConflictConnection = connectionOf(IdentityConflictDTO, 'IdentityConflict');

@ArgsType()
export class IdentityConflictsArgs extends PageArgs {
  @Field(() => IdentityConflictStatusEnum, {
    defaultValue: 'open',
    description: 'OPEN: oldest first (the work queue); RESOLVED: latest decision first',
  })
  @IsIn(Object.values(IdentityConflictStatusEnum))
  status: IdentityConflictStatusValue = 'open';
}

@ArgsType()
export class ResolveIdentityConflictArgs {
  @Field(() => ID)
  @IsString()
  @MaxLength(64)
  id!: string;

  @Field(() => IdentityConflictResolutionEnum)
  @IsIn(Object.values(IdentityConflictResolutionEnum))
  resolution!: IdentityConflictResolution;

  @Field(() => ID, {
    nullable: true,
    description: 'For a merge: the candidate the record is (optional when there is only one)',
  })
  @IsOptional()
  @IsUUID()
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (kept with the decision)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}
