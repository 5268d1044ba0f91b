import type {
  CodeListEntity,
  CodeListEntryEntity,
  CodeListEntryRevisionEntity,
} from '@spie/referentiel/data-access';

import type { CodeListDTO, ReferentielEntryDTO, ReferentielEntryRevisionDTO } from './dtos/referentiel.dto';

export function toCodeListDTO(row: CodeListEntity): CodeListDTO {
  return { code: row.code, label: row.label, source: row.source, parentList: row.parentList };
}

export function toReferentielEntryDTO(row: CodeListEntryEntity): ReferentielEntryDTO {
  const attributes = row.attributes ?? {};
  return {
    list: row.listCode,
    code: row.code,
    label: row.label,
    parentCode: row.parentCode,
    externalCodes: Object.entries(row.externalCodes ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([system, code]) => ({ system, code })),
    attributes: Object.entries(attributes)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })),
    attributesJson: JSON.stringify(attributes),
    validFrom: row.validFrom,
    validTo: row.validTo,
    introducedIn: row.introducedIn,
    lastChangedIn: row.lastChangedIn,
  };
}

export function toReferentielEntryRevisionDTO(row: CodeListEntryRevisionEntity): ReferentielEntryRevisionDTO {
  return { version: row.version, label: row.label, parentCode: row.parentCode, validTo: row.validTo };
}
