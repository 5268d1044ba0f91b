import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { ROME_CODE_PATTERN } from '@spie/diagnostic/domain';
import { LocalDateScalar } from '@spie/platform/graphql';

@InputType()
export class DiagnosticGradedCodeInput {
  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  code!: string;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  value!: string;
}

@InputType()
export class RecordDiagnosticThemeInput {
  @Field(() => String, { description: '`theme` code' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  code!: string;

  @Field(() => [String], { defaultValue: [], description: '`situation` codes of this theme' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  situations!: string[];

  @Field(() => [DiagnosticGradedCodeInput], {
    defaultValue: [],
    description: '`objective` codes of this theme with a ft-besoin-value (POINT_FORT, BESOIN, NON_EXPLORE)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DiagnosticGradedCodeInput)
  needs!: DiagnosticGradedCodeInput[];

  @Field(() => [DiagnosticGradedCodeInput], {
    defaultValue: [],
    description: '`ft-contrainte` codes mapped to this theme with their value (OUI, NON_ABORDEE, CLOTUREE)',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DiagnosticGradedCodeInput)
  constraints!: DiagnosticGradedCodeInput[];

  @Field(() => [DiagnosticGradedCodeInput], {
    defaultValue: [],
    description:
      '`objective` codes of this theme worked on, with their progress (NON_ABORDE, EN_COURS, REALISE, ABANDONNE)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DiagnosticGradedCodeInput)
  objectives!: DiagnosticGradedCodeInput[];
}

@InputType()
export class RecordDiagnosticProjectInput {
  @Field(() => String, { description: 'ROME code: a letter A–N and four digits, e.g. K1303' })
  @IsString()
  @Matches(ROME_CODE_PATTERN, { message: 'romeCode must be a ROME code such as K1303' })
  romeCode!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  mobilityRadiusKm?: number | null;
}

@InputType({
  description:
    'A new version of the diagnostic. themes and projects are the whole new state; a scalar left out keeps its previous value, null clears it.',
})
export class RecordDiagnosticInput {
  @Field(() => ID)
  @IsUUID()
  personId!: string;

  @Field(() => String, { nullable: true, description: '`education-level` code' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  educationLevel?: string | null;

  @Field(() => String, { nullable: true, description: '`work-situation` code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  workSituation?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @IsString()
  workSituationSince?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  rqth?: boolean | null;

  @Field(() => [RecordDiagnosticThemeInput])
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => RecordDiagnosticThemeInput)
  themes!: RecordDiagnosticThemeInput[];

  @Field(() => [RecordDiagnosticProjectInput])
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RecordDiagnosticProjectInput)
  projects!: RecordDiagnosticProjectInput[];
}
