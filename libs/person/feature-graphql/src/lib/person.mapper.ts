import type { PersonEntity, PersonIdentifierEntity } from '@spie/person/data-access';

import type { PersonDTO, PersonIdentifierDTO } from './dtos/person.dto';

export function toPersonDTO(person: PersonEntity): PersonDTO {
  return {
    id: person.id,
    identity: {
      lastName: person.lastName,
      birthName: person.birthName,
      firstNames: person.firstNames,
      birthDate: person.birthDate,
      birthPlace: person.birthPlace,
      sex: person.sex,
      hasNir: person.nirHash !== null,
    },
    contact: {
      email: person.email,
      phone: person.phone,
      address: person.address
        ? { lines: person.address.lines, postalCode: person.address.postalCode, city: person.address.city }
        : null,
    },
    createdAt: person.createdAt,
    updatedAt: person.updatedAt,
  };
}

export function toPersonIdentifierDTO(identifier: PersonIdentifierEntity): PersonIdentifierDTO {
  return {
    system: identifier.system,
    value: identifier.value,
    qualifier: identifier.qualifier,
    provenance: identifier.provenance,
  };
}
