import { Field, ID, ObjectType } from '@nestjs/graphql';

import { ProvenanceDTO } from '@spie/person/feature-graphql';

@ObjectType('Orientation', {
  description: "The department's orientation decision: type, structure and référent unique",
})
export class OrientationDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'orientation-type code: social, socio_pro, pro' })
  type!: string;

  @Field(() => Date)
  decidedAt!: Date;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When a later decision replaced this one; null for the current one',
  })
  supersededAt!: Date | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;

  /** Resolved as `structure`, `referent`, `decidedBy` (batched). */
  structureId!: string;
  referentAgentId!: string | null;
  decidedByAgentId!: string | null;
}
