import { createHash } from 'node:crypto';
import {
  cleanText,
  isBlank,
  isInvalid,
  neutraliseFormula,
  parseBoolean,
  parseDate,
  type ObservedAddress,
  type ParsedItem,
  type PersonObservation,
  type RecordIssue,
  type RejectionCode,
} from '@spie/ingestion/domain';
import { describeNirError, normalizeName, parseNir } from '@spie/person/domain';
import type { CodeListCode } from '@spie/referentiel/domain';
import type { DepartmentPersonRecord } from './department-record';
import type { ColumnBinding, FieldName } from './profiles';
import type { CellValue, SheetRow } from './sources/sheet-row';
import {
  isMobile,
  lookupCode,
  normaliseCafNumber,
  parseCivility,
  parsePostalCode,
  parseRole,
  parseRome,
  splitEmails,
  splitList,
  splitPhones,
  splitPostalCodeCity,
} from './value-maps';

/** The text of a cell: numbers without exponent or trailing `.0`, dates as YYYY-MM-DD, booleans as Oui/Non. */
export function cellText(cell: CellValue | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') {
    return Number.isInteger(cell) ? BigInt(cell).toString() : String(cell);
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  return cell ? 'Oui' : 'Non';
}

interface SeenRow {
  position: number;
  fingerprint: string;
}

/**
 * Turns the rows of one file into records, given the header binding. Keeps, for the duplicate checks, one key and one
 * fingerprint per row read (and a hash of each NIR, never the NIR): memory grows with the number of rows, not with
 * their content.
 */
export class DepartmentRowMapper {
  private readonly seenKeys = new Map<string, SeenRow>();
  private readonly seenNirs = new Map<string, number>();

  constructor(
    private readonly binding: ColumnBinding,
    private readonly departmentCode: string,
    /** Spreadsheet cells: numbers in date columns are Excel serial dates. */
    private readonly spreadsheet: boolean,
  ) {}

  map(row: SheetRow): ParsedItem<DepartmentPersonRecord> {
    const reader = new RowReader(this.binding, row.cells, this.spreadsheet);
    const { record, nirBase } = this.read(reader);
    const key = recordKey(record.person, record.cafNumber, this.departmentCode);
    if (key === undefined && !reader.hasErrors()) {
      reader.issue(
        'MISSING_FIELD',
        'error',
        undefined,
        'the row has no identifier: it needs an SI id, a birth date, a CAF number, an email, a phone or a NIR',
      );
    }
    const duplicate = this.checkDuplicates(row, key, nirBase);
    if (duplicate && !reader.hasErrors()) reader.issue('DUPLICATE_IN_FILE', 'error', undefined, duplicate);
    if (reader.hasErrors()) {
      return { kind: 'rejected', position: row.position, ...(key ? { key } : {}), issues: reader.issues };
    }
    return {
      kind: 'record',
      position: row.position,
      key: key as string,
      data: record,
      warnings: reader.issues,
    };
  }

  private read(reader: RowReader): { record: DepartmentPersonRecord; nirBase: string | undefined } {
    for (const field of this.binding.profile.required) {
      if (reader.isBlank(field))
        reader.issue('MISSING_FIELD', 'error', field, `${reader.header(field)} is empty`);
    }
    const lastName = reader.text('lastName');
    if (lastName === undefined && !this.binding.profile.required.includes('lastName')) {
      reader.issue('MISSING_FIELD', 'error', 'lastName', `${reader.header('lastName')} is empty`);
    }
    const firstNames = reader.list('firstName');

    const identifiers: PersonObservation['identifiers'] = [];
    const siId = reader.text('siId');
    if (siId !== undefined)
      identifiers.push({ system: 'department_si', value: `${this.departmentCode}:${siId}` });
    const franceTravailId = reader.text('franceTravailId');
    if (franceTravailId !== undefined) identifiers.push({ system: 'france_travail', value: franceTravailId });

    let nir: string | undefined;
    let nirBase: string | undefined;
    const rawNir = reader.raw('nir');
    if (rawNir !== undefined) {
      const parsed = parseNir(rawNir);
      if (parsed.ok) {
        nir = parsed.value.keyComputed ? parsed.value.base : parsed.value.full;
        nirBase = parsed.value.base;
      } else {
        reader.issue(
          'INVALID_NIR',
          'error',
          'nir',
          `${reader.header('nir')}: ${describeNirError(parsed.error)}`,
        );
      }
    }

    const phones = reader.phones('phone');
    const emails = reader.emails('email');
    const sex = reader.parsed(
      'civility',
      parseCivility(reader.raw('civility')),
      'INVALID_CODE',
      'is not a civilité',
    );

    const person: PersonObservation = {
      identifiers,
      lastName: lastName ?? '',
      firstNames,
      ...defined('nir', nir),
      ...defined('birthName', reader.text('birthName')),
      ...defined('birthDate', reader.date('birthDate', 'error')),
      ...defined('birthPlace', reader.text('birthPlace')),
      ...defined('sex', sex),
      ...defined('email', emails[0]),
      ...defined('phone', phones.find(isMobile) ?? phones[0]),
      ...defined('address', this.address(reader)),
    };

    const rome = reader.parsed(
      'romeProject',
      parseRome(reader.text('romeProject')),
      'INVALID_CODE',
      'has no ROME code',
    );
    const record: DepartmentPersonRecord = {
      departmentCode: this.departmentCode,
      profile: this.binding.profile.id,
      person,
      phones,
      role:
        reader.parsed('role', parseRole(reader.raw('role')), 'INVALID_CODE', 'is not a known role') ?? null,
      cafNumber: normaliseCafNumber(reader.text('cafNumber')) ?? null,
      rsaRight: reader.code('rsaRight', 'etat-dossier-rsa'),
      receivesRsa: reader.boolean('receivesRsa'),
      rightsOpenedOn: reader.date('rightsOpenedOn', 'error') ?? null,
      situation: reader.code('situation', 'work-situation'),
      educationLevel: reader.code('educationLevel', 'education-level'),
      romeProject: rome ?? null,
      rqth: reader.boolean('rqth'),
      areRight: reader.boolean('areRight'),
      assRight: reader.boolean('assRight'),
      activityBonus: reader.boolean('activityBonus'),
      franceTravailRegistered: reader.boolean('franceTravailRegistered'),
      structureName: reader.text('structureName') ?? null,
      referentEmails: reader.emails('referentEmails'),
      tags: reader.list('tags'),
      mobilityZone: reader.text('mobilityZone') ?? null,
      orientationDecision: reader.text('orientationDecision') ?? null,
      orientationInterviewOn: reader.date('orientationInterviewOn', 'warning') ?? null,
      cerSignedOn: reader.date('cerSignedOn', 'warning') ?? null,
    };
    return { record, nirBase };
  }

  private address(reader: RowReader): ObservedAddress | undefined {
    const lines = (['address1', 'address2', 'address3'] as const)
      .map((field) => reader.text(field))
      .filter((line): line is string => line !== undefined);
    const combined = splitPostalCodeCity(reader.text('postalCodeCity'));
    const postalField = reader.isBlank('postalCode') ? 'postalCodeCity' : 'postalCode';
    const postalRaw = postalField === 'postalCode' ? reader.raw('postalCode') : combined.postalCode;
    const postalCode = reader.parsed(
      postalField,
      parsePostalCode(postalRaw),
      'INVALID_VALUE',
      'is not a postal code',
    );
    const city = reader.text('city') ?? combined.city;
    if (lines.length === 0 && postalCode === undefined && city === undefined) return undefined;
    return { lines, postalCode: postalCode ?? null, city: city ?? null };
  }

  private checkDuplicates(
    row: SheetRow,
    key: string | undefined,
    nirBase: string | undefined,
  ): string | undefined {
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(row.cells.map((cell) => cleanText(cellText(cell)) ?? '')))
      .digest('base64');
    let duplicate: string | undefined;
    if (key !== undefined) {
      const earlier = this.seenKeys.get(key);
      if (earlier) {
        duplicate =
          earlier.fingerprint === fingerprint
            ? `the row repeats row ${earlier.position} exactly`
            : `row ${earlier.position} has the same ${describeKey(key)}`;
      } else {
        this.seenKeys.set(key, { position: row.position, fingerprint });
      }
    }
    if (nirBase !== undefined) {
      const nirHash = createHash('sha256').update(nirBase).digest('base64');
      const earlier = this.seenNirs.get(nirHash);
      if (earlier !== undefined) duplicate ??= `row ${earlier} has the same NIR`;
      else this.seenNirs.set(nirHash, row.position);
    }
    return duplicate;
  }
}

function defined<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [name]: value }) as { [P in K]?: V };
}

/**
 * The record key, never holding a NIR: the department SI id; else the identity (names and birth date); else the CAF
 * number with the names (a couple shares one CAF number); else the email or phone with the first name (how
 * rdv-insertion matches); else, for a row identified by its NIR only, the names.
 */
export function recordKey(
  person: PersonObservation,
  cafNumber: string | null,
  departmentCode: string,
): string | undefined {
  const si = person.identifiers.find((identifier) => identifier.system === 'department_si');
  if (si) return `department_si:${si.value}`;
  const last = normalizeName(person.lastName);
  const first = normalizeName(person.firstNames.join(' '));
  if (last === '') return undefined;
  if (person.birthDate) return `identity:${last}|${first}|${person.birthDate}`;
  if (cafNumber) return `caf:${departmentCode}:${cafNumber}|${last}|${first}`;
  if (person.email) return `email:${person.email}|${first}`;
  if (person.phone) return `phone:${person.phone}|${first}`;
  if (person.nir) return `name:${last}|${first}`;
  return undefined;
}

function describeKey(key: string): string {
  if (key.startsWith('department_si:')) return 'SI identifier';
  if (key.startsWith('identity:')) return 'names and birth date';
  if (key.startsWith('caf:')) return 'CAF number and names';
  if (key.startsWith('email:')) return 'email and first name';
  if (key.startsWith('phone:')) return 'phone and first name';
  return 'names';
}

/** Reads the fields of one row and collects its issues. Messages name the column, never the value. */
class RowReader {
  readonly issues: RecordIssue[] = [];

  constructor(
    private readonly binding: ColumnBinding,
    private readonly cells: readonly CellValue[],
    private readonly spreadsheet: boolean,
  ) {}

  hasErrors(): boolean {
    return this.issues.some((issue) => issue.severity === 'error');
  }

  issue(
    code: RejectionCode,
    severity: RecordIssue['severity'],
    field: FieldName | undefined,
    message: string,
  ): void {
    this.issues.push({ code, severity, message, ...(field ? { field: this.header(field) } : {}) });
  }

  /** The column's header as written (spaces collapsed), or the field name when the file has no such column. */
  header(field: FieldName): string {
    const index = this.binding.columns[field];
    const header = index === undefined ? undefined : this.binding.headers[index];
    return header?.replace(/\s+/g, ' ').trim() || field;
  }

  cell(field: FieldName): CellValue | undefined {
    const index = this.binding.columns[field];
    return index === undefined ? undefined : this.cells[index];
  }

  isBlank(field: FieldName): boolean {
    return isBlank(cellText(this.cell(field)));
  }

  /** The cell as text, trimmed, unprocessed (for values a parser checks: NIR, phone, codes). */
  raw(field: FieldName): string | undefined {
    return cleanText(cellText(this.cell(field)));
  }

  /** Free text: cleaned, and a would-be formula kept as text with a FORMULA_NEUTRALISED warning. */
  text(field: FieldName): string | undefined {
    const value = this.raw(field);
    if (value === undefined) return undefined;
    const { value: safe, neutralised } = neutraliseFormula(value);
    if (neutralised) {
      this.issue(
        'FORMULA_NEUTRALISED',
        'warning',
        field,
        `${this.header(field)} starts like a spreadsheet formula: kept as text`,
      );
    }
    return safe;
  }

  /**
   * A comma-separated list (first names, tags): split first, then each part kept as text when it starts like a
   * formula (`Léa,=HYPERLINK(…)` would otherwise store a part starting with `=`).
   */
  list(field: FieldName): string[] {
    let neutralisedAny = false;
    const parts = splitList(this.raw(field)).map((part) => {
      const { value, neutralised } = neutraliseFormula(part);
      neutralisedAny ||= neutralised;
      return value;
    });
    if (neutralisedAny) {
      this.issue(
        'FORMULA_NEUTRALISED',
        'warning',
        field,
        `${this.header(field)} starts like a spreadsheet formula: kept as text`,
      );
    }
    return parts;
  }

  date(field: FieldName, severity: RecordIssue['severity']): string | undefined {
    const cell = this.cell(field);
    const parsed = parseDate(
      typeof cell === 'string' ? cell : cell instanceof Date || typeof cell === 'number' ? cell : undefined,
      this.spreadsheet,
    );
    if (isInvalid(parsed)) {
      this.issue('INVALID_DATE', severity, field, `${this.header(field)} is not a date`);
      return undefined;
    }
    return parsed;
  }

  boolean(field: FieldName): boolean | null {
    const cell = this.cell(field);
    const parsed = parseBoolean(cell instanceof Date ? undefined : (cell ?? undefined));
    return this.parsed(field, parsed, 'INVALID_VALUE', 'is not Oui/Non') ?? null;
  }

  code(field: FieldName, list: CodeListCode): string | null {
    return (
      this.parsed(field, lookupCode(list, this.raw(field)), 'INVALID_CODE', `is not in the list ${list}`) ??
      null
    );
  }

  phones(field: FieldName): string[] {
    const raw = this.raw(field);
    if (raw === undefined) return [];
    const { valid, invalid } = splitPhones(raw);
    if (invalid > 0) {
      this.issue(
        'INVALID_VALUE',
        'warning',
        field,
        `${this.header(field)}: ${invalid} value(s) not a phone number`,
      );
    }
    return valid;
  }

  emails(field: FieldName): string[] {
    const raw = this.raw(field);
    if (raw === undefined) return [];
    const { valid, invalid } = splitEmails(raw);
    if (invalid > 0) {
      this.issue(
        'INVALID_VALUE',
        'warning',
        field,
        `${this.header(field)}: ${invalid} value(s) not an email`,
      );
    }
    return valid;
  }

  /** A parser's result: an invalid value becomes a warning (the row is kept without it). */
  parsed<T>(
    field: FieldName,
    value: T | undefined | { invalid: string },
    code: RejectionCode,
    what: string,
  ): T | undefined {
    if (isInvalid(value)) {
      this.issue(code, 'warning', field, `${this.header(field)} ${what}`);
      return undefined;
    }
    return value;
  }
}
