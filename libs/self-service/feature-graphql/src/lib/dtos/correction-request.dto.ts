import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { CORRECTABLE_ITEM_KINDS, type CorrectableItemKind } from '@spie/diagnostic/domain';
import { CORRECTABLE_IDENTITY_FIELDS, type CorrectableIdentityField } from '@spie/self-service/data-access';

export const IdentityCorrectionFieldEnum = Object.fromEntries(
  CORRECTABLE_IDENTITY_FIELDS.map((field) => [field, field]),
) as Record<CorrectableIdentityField, CorrectableIdentityField>;
registerEnumType(IdentityCorrectionFieldEnum, {
  name: 'IdentityCorrectionField',
  description: 'An identity value the person may ask to correct (first names: separated by spaces)',
});

export const DiagnosticCorrectionKindEnum = Object.fromEntries(
  CORRECTABLE_ITEM_KINDS.map((kind) => [kind, kind]),
) as Record<CorrectableItemKind, CorrectableItemKind>;
registerEnumType(DiagnosticCorrectionKindEnum, {
  name: 'DiagnosticCorrectionKind',
  description:
    'situation (a `situation` code), need (an `objective` code) or constraint (a `ft-contrainte` code)',
});

export enum CorrectionTopicValue {
  IDENTITY = 'identity',
  DIAGNOSTIC = 'diagnostic',
}
registerEnumType(CorrectionTopicValue, {
  name: 'CorrectionTopic',
  description: 'What the person says is wrong: their identity or their diagnostic',
});

export enum CorrectionStatusValue {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  DECLINED = 'declined',
}
registerEnumType(CorrectionStatusValue, {
  name: 'CorrectionStatus',
  description: 'PENDING until the référent decides; ACCEPTED or DECLINED, with a comment',
});

@ObjectType('CorrectionProposal', {
  description:
    'The value the person states as right, applied to their file when the request is accepted: an identity value, or one item of the diagnostic',
})
export class CorrectionProposalDTO {
  @Field(() => IdentityCorrectionFieldEnum, { nullable: true })
  identityField!: CorrectableIdentityField | null;

  @Field(() => String, { nullable: true, description: '`theme` code of a diagnostic item' })
  themeCode!: string | null;

  @Field(() => DiagnosticCorrectionKindEnum, { nullable: true })
  itemKind!: CorrectableItemKind | null;

  @Field(() => String, { nullable: true, description: 'Code of the diagnostic item' })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Label of that code in the current référentiel' })
  label!: string | null;

  @Field(() => Boolean, { description: 'true: the diagnostic item is not true and goes' })
  remove!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The right identity value, or the grade of a need or constraint',
  })
  value!: string | null;
}

@ObjectType('CorrectionRequest', {
  description: 'A correction the person asked for from the portal, and the référent’s decision',
})
export class CorrectionRequestDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => CorrectionTopicValue)
  topic!: CorrectionTopicValue;

  @Field({ description: 'In the person’s words' })
  message!: string;

  @Field(() => CorrectionStatusValue)
  status!: CorrectionStatusValue;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The référent’s answer to the person' })
  comment!: string | null;

  @Field(() => CorrectionProposalDTO, {
    nullable: true,
    description: 'The value the person stated as right; null for a message only',
  })
  proposal!: CorrectionProposalDTO | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the accepted proposal was written to the file, with the person’s declaration as its source; null when nothing was applied',
  })
  appliedAt!: Date | null;
}

@InputType({ description: 'An identity value the person states as right' })
export class IdentityCorrectionInput {
  @Field(() => IdentityCorrectionFieldEnum)
  @IsIn(CORRECTABLE_IDENTITY_FIELDS)
  field!: CorrectableIdentityField;

  @Field({ description: 'The right value; a birth date as YYYY-MM-DD' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  value!: string;
}

@InputType({ description: 'One item of the diagnostic the person says is wrong' })
export class DiagnosticCorrectionInput {
  @Field({ description: '`theme` code' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  themeCode!: string;

  @Field(() => DiagnosticCorrectionKindEnum)
  @IsIn(CORRECTABLE_ITEM_KINDS)
  kind!: CorrectableItemKind;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code!: string;

  @Field({ defaultValue: false, description: 'true: it is not true of me (remove it)' })
  @IsBoolean()
  remove!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Grade of a need (POINT_FORT, BESOIN, NON_EXPLORE) or constraint (OUI, NON_ABORDEE, CLOTUREE)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  value?: string | null;
}

@InputType()
export class RequestCorrectionInput {
  @Field(() => CorrectionTopicValue)
  @IsIn(Object.values(CorrectionTopicValue))
  topic!: CorrectionTopicValue;

  @Field({ description: 'What is wrong and what is right, 5 to 2 000 characters' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  message!: string;

  @Field(() => IdentityCorrectionInput, {
    nullable: true,
    description: 'The right identity value (topic IDENTITY), applied when the référent accepts',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => IdentityCorrectionInput)
  identity?: IdentityCorrectionInput | null;

  @Field(() => DiagnosticCorrectionInput, {
    nullable: true,
    description: 'The diagnostic item to correct (topic DIAGNOSTIC), applied when the référent accepts',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DiagnosticCorrectionInput)
  diagnostic?: DiagnosticCorrectionInput | null;
}

@InputType()
export class DecideCorrectionRequestInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({
    description:
      'true: accepted (a stated value is applied to the file at once; otherwise the référent makes the change); false: declined',
  })
  @IsBoolean()
  accepted!: boolean;

  @Field(() => String, { nullable: true, description: 'The answer the person reads' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}
