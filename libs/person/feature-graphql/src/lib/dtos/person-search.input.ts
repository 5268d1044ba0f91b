import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { PERSON_IDENTIFIER_SYSTEMS, type PersonIdentifierSystem } from '@spie/person/domain';

import { PersonIdentifierSystemEnum } from './person.dto';

@InputType()
export class PersonIdentifierInput {
  @Field(() => PersonIdentifierSystemEnum)
  @IsIn(PERSON_IDENTIFIER_SYSTEMS)
  system!: PersonIdentifierSystem;

  @Field(() => String)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  value!: string;
}

@InputType()
export class PersonSearchInput {
  @Field(() => String, { nullable: true, description: '13 or 15 characters; spaces allowed' })
  @IsOptional()
  @IsString()
  @MaxLength(25)
  nir?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be YYYY-MM-DD' })
  birthDate?: string;

  @Field(() => PersonIdentifierInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PersonIdentifierInput)
  identifier?: PersonIdentifierInput;

  @Field(() => Int, { nullable: true, defaultValue: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
