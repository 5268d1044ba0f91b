import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

import { ORIENTATION_TYPES, type OrientationType } from '@spie/orientation/domain';

@InputType()
export class OrientPersonInput {
  @Field(() => ID)
  @IsUUID()
  personId!: string;

  @Field(() => String, { description: 'orientation-type code: social, socio_pro, pro' })
  @IsIn(ORIENTATION_TYPES)
  type!: OrientationType;

  @Field(() => ID, { description: 'The structure that will accompany the person' })
  @IsUUID()
  structureId!: string;

  @Field(() => ID, { nullable: true, description: 'The référent unique: an active agent of that structure' })
  @IsOptional()
  @IsUUID()
  referentAgentId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => Date, { nullable: true, description: 'Date of the decision; now by default' })
  @IsOptional()
  @IsDate()
  decidedAt?: Date | null;
}
