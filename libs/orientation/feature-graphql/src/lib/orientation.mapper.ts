import type { OrientationEntity } from '@spie/orientation/data-access';

import type { OrientationDTO } from './dtos/orientation.dto';

export function toOrientationDTO(row: OrientationEntity): OrientationDTO {
  return {
    id: row.id,
    type: row.type,
    decidedAt: row.decidedAt,
    reason: row.reason,
    supersededAt: row.supersededAt,
    provenance: row.provenance,
    structureId: row.structureId,
    referentAgentId: row.referentAgentId,
    decidedByAgentId: row.decidedByAgentId,
  };
}
