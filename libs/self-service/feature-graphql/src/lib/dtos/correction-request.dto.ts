import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

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
}

@InputType()
export class DecideCorrectionRequestInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field({ description: 'true: accepted (the référent makes the change); false: declined' })
  @IsBoolean()
  accepted!: boolean;

  @Field(() => String, { nullable: true, description: 'The answer the person reads' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}
