import { Field, ObjectType } from '@nestjs/graphql';

import { LocalDateScalar } from '@spie/platform/graphql';

@ObjectType('ReferentielVersion', { description: 'A published version of the référentiel' })
export class ReferentielVersionDTO {
  @Field(() => String)
  version!: string;

  @Field(() => LocalDateScalar)
  publishedAt!: string;

  @Field(() => String)
  description!: string;

  @Field(() => Date, { description: 'When the hub loaded it' })
  loadedAt!: Date;
}

@ObjectType('ReferentielExternalCode', { description: 'The code of the same concept in a partner system' })
export class ReferentielExternalCodeDTO {
  @Field(() => String, { description: 'E.g. cafMsa, franceTravail, carnetDeBord' })
  system!: string;

  @Field(() => String)
  code!: string;
}

@ObjectType('ReferentielAttribute', { description: 'An extra attribute of an entry; the value as text' })
export class ReferentielAttributeDTO {
  @Field(() => String)
  key!: string;

  @Field(() => String, { description: 'Text of the value (booleans and numbers as JSON: true, 3)' })
  value!: string;
}

@ObjectType('ReferentielEntryRevision', { description: 'The state of an entry as set by one version' })
export class ReferentielEntryRevisionDTO {
  @Field(() => String)
  version!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  validTo!: string | null;
}

@ObjectType('ReferentielEntry', { description: 'One code of a list, as of the latest loaded version' })
export class ReferentielEntryDTO {
  @Field(() => String, { description: 'Code of the list' })
  list!: string;

  @Field(() => String, { description: 'Stable code: what data stores' })
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { nullable: true })
  parentCode!: string | null;

  @Field(() => [ReferentielExternalCodeDTO])
  externalCodes!: ReferentielExternalCodeDTO[];

  @Field(() => [ReferentielAttributeDTO])
  attributes!: ReferentielAttributeDTO[];

  @Field(() => String, { description: 'The attributes as a JSON object, with their types' })
  attributesJson!: string;

  @Field(() => LocalDateScalar)
  validFrom!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Set when a version closed the entry: still readable for existing data, no longer offered',
  })
  validTo!: string | null;

  @Field(() => String, { description: 'Version that added the entry' })
  introducedIn!: string;

  @Field(() => String, { description: 'Latest version that changed the entry' })
  lastChangedIn!: string;
}

@ObjectType('CodeList', { description: 'A versioned list of codes' })
export class CodeListDTO {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, { description: 'Where the codes and labels come from' })
  source!: string;

  @Field(() => String, {
    nullable: true,
    description: 'List of the parent entries (e.g. theme for situation)',
  })
  parentList!: string | null;
}

@ObjectType('Referentiel', { description: 'The shared référentiel of the SPIE: versioned code lists' })
export class ReferentielDTO {
  @Field(() => String, { nullable: true, description: 'Current version; null before the first load' })
  version!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  publishedAt!: string | null;

  @Field(() => [ReferentielVersionDTO], { description: 'Every loaded version, newest first' })
  versions!: ReferentielVersionDTO[];
}
