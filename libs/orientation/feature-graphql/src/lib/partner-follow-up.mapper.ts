import type { PartnerActionEntity, PartnerFollowUpEntity } from '@spie/orientation/data-access';

import type { PartnerActionDTO, PartnerFollowUpDTO } from './dtos/partner-follow-up.dto';

export function toPartnerFollowUpDTO(row: PartnerFollowUpEntity): PartnerFollowUpDTO {
  const referent = {
    civility: row.referentCivility,
    lastName: row.referentLastName,
    firstName: row.referentFirstName,
    email: row.referentEmail,
  };
  return {
    id: row.id,
    partner: row.partner,
    kind: row.kind,
    organisationId: row.organisationId,
    structureCode: row.structureCode,
    structureName: row.structureName,
    followUpStructure: row.followUpStructure,
    registeredOn: row.registeredOn,
    registrationCategory: row.registrationCategory,
    registrationReason: row.registrationReason,
    accompanimentMode: row.accompanimentMode,
    referent: Object.values(referent).every((value) => value === null) ? null : referent,
    startOn: row.startOn,
    plannedEndOn: row.plannedEndOn,
    endOn: row.endOn,
    lastPpaeInterviewOn: row.lastPpaeInterviewOn,
    workAxes: row.workAxes,
    rsaBeneficiary: row.rsaBeneficiary,
    provenance: row.provenance,
  };
}

export function toPartnerActionDTO(row: PartnerActionEntity): PartnerActionDTO {
  return {
    id: row.id,
    partner: row.partner,
    code: row.code,
    label: row.label,
    themeCode: row.themeCode,
    status: row.status,
    prescribedOn: row.prescribedOn,
    startOn: row.startOn,
    endOn: row.endOn,
    doneOn: row.doneOn,
    provenance: row.provenance,
  };
}
