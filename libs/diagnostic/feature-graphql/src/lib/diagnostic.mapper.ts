import type { DiagnosticEntity, DiagnosticWithContent } from '@spie/diagnostic/data-access';

import type { DiagnosticDTO, DiagnosticSummaryDTO } from './dtos/diagnostic.dto';

export function toDiagnosticDTO(diagnostic: DiagnosticWithContent): DiagnosticDTO {
  return {
    id: diagnostic.id,
    version: diagnostic.version,
    createdAt: diagnostic.createdAt,
    educationLevel: diagnostic.educationLevel,
    workSituation: diagnostic.workSituation,
    workSituationSince: diagnostic.workSituationSince,
    rqth: diagnostic.rqth,
    referentielVersion: diagnostic.referentielVersion,
    projects: diagnostic.projects.map((project) => ({
      romeCode: project.romeCode,
      label: project.label,
      mobilityRadiusKm: project.mobilityRadiusKm,
      provenance: project.provenance,
    })),
    provenance: diagnostic.provenance,
    personId: diagnostic.personId,
    authorAgentId: diagnostic.authorAgentId,
    authorOrganisationId: diagnostic.authorOrganisationId,
    items: diagnostic.items,
  };
}

export function toDiagnosticSummaryDTO(diagnostic: DiagnosticEntity): DiagnosticSummaryDTO {
  return { version: diagnostic.version, createdAt: diagnostic.createdAt, source: diagnostic.provenance.source };
}
