import type { AgentEntity, OrganisationEntity } from '@spie/organisation/data-access';

import type { AgentDTO, OrganisationDTO } from './dtos/organisation.dto';

export function toOrganisationDTO(row: OrganisationEntity): OrganisationDTO {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    siret: row.siret,
    safirCode: row.safirCode,
    structureCode: row.structureCode,
    departmentCode: row.departmentCode,
    email: row.email,
    phone: row.phone,
    address: row.address,
  };
}

export function toAgentDTO(row: AgentEntity): AgentDTO {
  return {
    id: row.id,
    name: `${row.givenName} ${row.usualName}`,
    email: row.email,
    phone: row.phone,
    organisationId: row.organisationId,
    roles: row.roles,
  };
}
