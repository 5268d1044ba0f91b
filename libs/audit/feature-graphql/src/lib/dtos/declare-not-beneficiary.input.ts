import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType('DeclareNotBeneficiaryInput')
export class DeclareNotBeneficiaryInput {
  @Field(() => ID)
  @IsUUID()
  personId!: string;

  @Field(() => String, {
    description: 'Why the person is not a beneficiary (kept with the declaration, then destroyed)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

@ObjectType('NotBeneficiaryDeclaration', {
  description:
    'The person is hidden at once and destroyed with everything attached by a retention job (CASF R.263-8)',
})
export class NotBeneficiaryDeclarationDTO {
  @Field(() => ID)
  personId!: string;

  @Field(() => Date, { description: 'When it was first declared' })
  declaredAt!: Date;

  @Field(() => Boolean, {
    description: 'A destruction job was queued; when false, the daily retention run destroys the person',
  })
  destructionQueued!: boolean;
}
