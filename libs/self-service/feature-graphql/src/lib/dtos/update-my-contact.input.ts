import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

@InputType()
export class MyPostalAddressInput {
  @Field(() => [String], { description: 'One to four lines: number and street, building, place' })
  @IsArray()
  @ArrayMaxSize(4)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  lines!: string[];

  @Field()
  @Matches(/^\d{5}$/, { message: 'postalCode must be 5 digits' })
  postalCode!: string;

  @Field()
  @IsString()
  @MaxLength(80)
  city!: string;
}

@InputType({ description: 'The contact details the person states; a field left out is kept, null clears it' })
export class UpdateMyContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'French number: 10 digits, spaces allowed, or +33…' })
  @IsOptional()
  @Matches(/^(\+33 ?|0)[1-9]( ?\d{2}){4}$/, { message: 'phone must be a French phone number' })
  phone?: string | null;

  @Field(() => MyPostalAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => MyPostalAddressInput)
  address?: MyPostalAddressInput | null;
}

@ObjectType('MyContactUpdate', {
  description: 'What changed; every change is in the file history, by the person',
})
export class MyContactUpdateDTO {
  @Field(() => [String], {
    description: 'The fields that changed (email, phone, address); empty when none did',
  })
  changed!: string[];
}
