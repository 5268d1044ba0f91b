import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

import type { DiagnosticItemEntity } from '@spie/diagnostic/data-access';
import { AgentDTO, OrganisationDTO } from '@spie/organisation/feature-graphql';
import { ProvenanceDTO, SourceSystemEnum } from '@spie/person/feature-graphql';
import { LocalDateScalar } from '@spie/platform/graphql';
import type { SourceSystem } from '@spie/shared/kernel';

@ObjectType('DiagnosticAuthor', { description: 'Who stated this version of the diagnostic' })
export class DiagnosticAuthorDTO {
  @Field(() => OrganisationDTO, { nullable: true })
  organisation!: OrganisationDTO | null;

  @Field(() => AgentDTO, { nullable: true })
  agent!: AgentDTO | null;
}

@ObjectType('DiagnosticSituation')
export class DiagnosticSituationDTO {
  @Field(() => String, { description: '`situation` code' })
  code!: string;

  @Field(() => String, { description: 'Label in the current référentiel' })
  label!: string;

  @Field(() => ProvenanceDTO, { description: 'Who stated it first, unchanged since' })
  provenance!: ProvenanceDTO;
}

@ObjectType('DiagnosticGradedItem', {
  description: 'A need (`objective` code) or a France Travail constraint, with its value',
})
export class DiagnosticGradedItemDTO {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => String, {
    description:
      'ft-besoin-value for needs (POINT_FORT, BESOIN, NON_EXPLORE); OUI, NON_ABORDEE or CLOTUREE for constraints',
  })
  value!: string;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}

@ObjectType('DiagnosticTheme')
export class DiagnosticThemeDTO {
  @Field(() => String, { description: '`theme` code' })
  code!: string;

  @Field(() => String)
  label!: string;

  @Field(() => [DiagnosticSituationDTO])
  situations!: DiagnosticSituationDTO[];

  @Field(() => [DiagnosticGradedItemDTO])
  needs!: DiagnosticGradedItemDTO[];

  @Field(() => [DiagnosticGradedItemDTO])
  constraints!: DiagnosticGradedItemDTO[];

  @Field(() => [DiagnosticGradedItemDTO], {
    description:
      'Objectives worked on (`objective` codes, a France Travail contrainte’s objectifs) with their progress (NON_ABORDE, EN_COURS, REALISE, ABANDONNE)',
  })
  objectives!: DiagnosticGradedItemDTO[];
}

@ObjectType('DiagnosticProject', { description: 'A professional project: a target job' })
export class DiagnosticProjectDTO {
  @Field(() => String, { description: 'ROME code, e.g. K1303' })
  romeCode!: string;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => Int, { nullable: true })
  mobilityRadiusKm!: number | null;

  @Field(() => ProvenanceDTO)
  provenance!: ProvenanceDTO;
}

@ObjectType('Diagnostic', {
  description: "One immutable version of a person's socio-professional diagnostic",
})
export class DiagnosticDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => String, { nullable: true, description: '`education-level` code' })
  educationLevel!: string | null;

  @Field(() => String, { nullable: true, description: '`work-situation` code' })
  workSituation!: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  workSituationSince!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Reconnaissance de la qualité de travailleur handicapé',
  })
  rqth!: boolean | null;

  @Field(() => String, { description: 'Référentiel version the codes were chosen from' })
  referentielVersion!: string;

  @Field(() => [DiagnosticProjectDTO])
  projects!: DiagnosticProjectDTO[];

  @Field(() => ProvenanceDTO, { description: 'Provenance of this version' })
  provenance!: ProvenanceDTO;

  /** Resolved by `author` and `themes`; not exposed as such. */
  personId!: string;
  authorAgentId!: string | null;
  authorOrganisationId!: string | null;
  items!: DiagnosticItemEntity[];
}

@ObjectType('DiagnosticSummary', { description: 'One version in the history of a diagnostic' })
export class DiagnosticSummaryDTO {
  @Field(() => Int)
  version!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => SourceSystemEnum, { description: 'System the version came from' })
  source!: SourceSystem;
}
