/**
 * Options a file may come with, by the name used on the command line (`--department`) and in an upload form field
 * (`department`), and the key under which the batch keeps them (`import_batch.options`).
 */
export const IMPORT_OPTION_FIELDS = {
  department: {
    key: 'departmentCode',
    pattern: /^(\d{2,3}|2[AB])$/,
    description: 'department code, e.g. 052',
  },
  profile: {
    key: 'profile',
    pattern: /^[A-Za-z0-9_-]{1,64}$/,
    description: 'column-mapping profile of a department spreadsheet',
  },
  'france-travail-id': {
    key: 'franceTravailId',
    pattern: /^[A-Za-z0-9]{1,32}$/,
    description: 'France Travail id of a bare diagnostic answer',
  },
} as const;

export type ImportOptionField = keyof typeof IMPORT_OPTION_FIELDS;

export function isImportOptionField(name: string): name is ImportOptionField {
  return Object.prototype.hasOwnProperty.call(IMPORT_OPTION_FIELDS, name);
}

/** Checks one option value: the batch option to record, or why it is refused (the value itself is not repeated). */
export function importOption(
  field: ImportOptionField,
  value: string,
): { ok: true; key: string; value: string } | { ok: false; message: string } {
  const spec = IMPORT_OPTION_FIELDS[field];
  const trimmed = value.trim();
  if (!spec.pattern.test(trimmed)) return { ok: false, message: `${field}: expected a ${spec.description}` };
  return { ok: true, key: spec.key, value: trimmed };
}
