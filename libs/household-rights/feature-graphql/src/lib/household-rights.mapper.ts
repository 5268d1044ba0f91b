import type { HouseholdMembership, RsaRightStatusEntity } from '@spie/household-rights/data-access';

import type { HouseholdMembershipDTO, RsaRightDTO, RsaRightMonthDTO } from './dtos/household-rights.dto';

export function toHouseholdMembershipDTO({
  membership,
  household,
}: HouseholdMembership): HouseholdMembershipDTO {
  return {
    organisme: household.organisme,
    matricule: household.matricule,
    numDemRsa: household.numDemRsa,
    role: membership.role,
    since: membership.validFrom,
    household: {
      id: household.id,
      departmentCode: household.departmentCode,
      familySituation: household.familySituation,
    },
  };
}

export function toRsaRightDTO(personId: string, right: RsaRightStatusEntity, since: string): RsaRightDTO {
  return {
    personId,
    status: right.status,
    since,
    subjectToRightsAndDuties: right.subjectToRightsAndDuties,
    etatDossier: right.etatDossier,
    suspensionReason: right.suspensionReason,
    suspendedOn: right.suspendedOn,
    closureReason: right.closureReason,
    closedOn: right.closedOn,
    openedOn: right.openedOn,
    provenance: right.provenance,
  };
}

export function toRsaRightMonthDTO(row: RsaRightStatusEntity): RsaRightMonthDTO {
  return {
    month: row.referenceMonth,
    status: row.status,
    etatDossier: row.etatDossier,
    suspensionReason: row.suspensionReason,
    closureReason: row.closureReason,
    provenance: row.provenance,
  };
}
