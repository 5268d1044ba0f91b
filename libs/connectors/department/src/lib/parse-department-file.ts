import type { Readable } from 'node:stream';
import { IngestFileError, normaliseHeader, type ParsedItem, type RecordIssue } from '@spie/ingestion/domain';
import type { DepartmentFileHeader, DepartmentPersonRecord } from './department-record';
import {
  BUILT_IN_PROFILES,
  bindColumns,
  detectProfile,
  findProfile,
  mappedCount,
  type ColumnBinding,
  type DepartmentProfile,
} from './profiles';
import { cellText, DepartmentRowMapper } from './row-mapper';
import { ByteSource } from './sources/byte-source';
import { csvRows, detectLayout } from './sources/csv-rows';
import { odsRows } from './sources/ods-rows';
import {
  DEFAULT_LIMITS,
  isEmptyRow,
  type ParseLimits,
  type SheetRow,
  type SpreadsheetFormat,
} from './sources/sheet-row';
import { formatHintedByName, sniffContainer, SNIFF_BYTES } from './sources/sniff';
import { xlsxRows } from './sources/xlsx-rows';
import { ZipPump } from './sources/zip-pump';

/** Non-empty rows looked at for the header row (title lines above the header are skipped with a warning). */
const HEADER_SCAN_ROWS = 10;

const DEPARTMENT_CODE = /^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-8]|98[4-9])$/;

export interface ParseDepartmentFileOptions {
  /** Name of the uploaded file: a hint only (the content decides the format); a mismatch is a header warning. */
  fileName: string;
  /** The department the list belongs to (`26`, `2A`, `971`…): prefixes the `department_si` identifiers. */
  departmentCode: string;
  /**
   * Column profile: the id of a built-in (or `profiles`) profile, or a profile object. When absent, the profile whose
   * required columns are all present and that reads the most columns is chosen.
   */
  profile?: string | DepartmentProfile;
  /** Profiles to choose from (default: the built-in `carnet-de-bord` and `rdv-insertion`). */
  profiles?: readonly DepartmentProfile[];
  limits?: Partial<ParseLimits>;
  /** Called once, before the first record, with the format, profile, sheet and header warnings. */
  onHeader?(header: DepartmentFileHeader): void;
}

/**
 * Parses a department beneficiary list (CSV, XLSX or ODS) into person records, streaming: one row in memory at a
 * time, plus the readers' bounded buffers and one key per row for the duplicate checks.
 *
 * File-level refusals throw {@link IngestFileError}: EMPTY_FILE, CSV_MISSING_HEADERS, LINE_TOO_LONG, CSV_MALFORMED,
 * ENCODING_INVALID, SPREADSHEET_UNREADABLE, UNSUPPORTED_FORMAT, FILE_TOO_LARGE. Records already yielded stay valid.
 * Row-level problems reject the row (`kind: 'rejected'`) or ride along as warnings.
 */
export async function* parseDepartmentFile(
  input: Readable | AsyncIterable<Uint8Array>,
  options: ParseDepartmentFileOptions,
): AsyncGenerator<ParsedItem<DepartmentPersonRecord>> {
  const departmentCode = options.departmentCode.trim().toUpperCase();
  if (!DEPARTMENT_CODE.test(departmentCode)) {
    throw new RangeError(`"${options.departmentCode}" is not a department code`);
  }
  const candidates = options.profiles ?? BUILT_IN_PROFILES;
  const fixed =
    typeof options.profile === 'string' ? findProfile(options.profile, candidates) : options.profile;
  const limits: ParseLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const source = new ByteSource(input);
  const details: Record<string, string | number | null> = {};
  const warnings: RecordIssue[] = [];
  try {
    const head = await source.peek(SNIFF_BYTES);
    const container = sniffContainer(head);
    let format: SpreadsheetFormat;
    let rows: AsyncGenerator<SheetRow>;
    const choice = { sheetName: fixed?.sheetName, onSheet: (name: string) => (details['sheet'] = name) };
    if (container === 'zip') {
      const pump = new ZipPump(source, limits);
      const decided = await pump.decide();
      format = decided.kind;
      rows = format === 'xlsx' ? xlsxRows(pump, decided.head, choice, limits) : odsRows(pump, choice, limits);
    } else {
      const layout = detectLayout(head, head.length < SNIFF_BYTES);
      format = 'csv';
      details['encoding'] = layout.encoding;
      details['delimiter'] = layout.delimiter === '\t' ? 'tab' : layout.delimiter;
      rows = csvRows(source, layout, limits);
    }
    details['format'] = format;
    const hinted = formatHintedByName(options.fileName);
    if (hinted !== undefined && hinted !== format) {
      warnings.push({
        code: 'UNSUPPORTED_FORMAT',
        severity: 'warning',
        message: `the file name says ${hinted.toUpperCase()} but the content is ${format.toUpperCase()}: read as ${format.toUpperCase()}`,
      });
    }
    yield* mapRows(rows, {
      fixed,
      candidates,
      departmentCode,
      spreadsheet: format !== 'csv',
      header: (binding, skipped, headerRow) =>
        options.onHeader?.(fileHeader(binding, skipped, { ...details, headerRow }, warnings)),
    });
  } finally {
    await source.close();
  }
}

interface MapOptions {
  fixed: DepartmentProfile | undefined;
  candidates: readonly DepartmentProfile[];
  departmentCode: string;
  spreadsheet: boolean;
  header(binding: ColumnBinding, skippedRows: number, headerRow: number): void;
}

async function* mapRows(
  rows: AsyncGenerator<SheetRow>,
  options: MapOptions,
): AsyncGenerator<ParsedItem<DepartmentPersonRecord>> {
  let mapper: DepartmentRowMapper | undefined;
  let closest: ColumnBinding | undefined;
  let scanned = 0;
  for await (const row of rows) {
    if (isEmptyRow(row.cells)) continue;
    if (mapper) {
      yield mapper.map(row);
      continue;
    }
    const headers = row.cells.map((cell) => cellText(cell) ?? '');
    const detected = options.fixed ? undefined : detectProfile(headers, options.candidates);
    const binding = options.fixed
      ? bindColumns(options.fixed, headers)
      : (detected?.match ?? detected?.closest);
    if (!binding) break;
    // The row closest to a header names the missing columns if none fits (a title line above it would not).
    if (!closest || binding.missingRequired.length < closest.missingRequired.length) closest = binding;
    scanned += 1;
    if (binding.missingRequired.length === 0) {
      options.header(binding, scanned - 1, row.position);
      mapper = new DepartmentRowMapper(binding, options.departmentCode, options.spreadsheet);
      continue;
    }
    if (scanned >= HEADER_SCAN_ROWS) break;
  }
  if (!mapper) {
    if (!closest) throw new IngestFileError('EMPTY_FILE', 'the file has no rows');
    const contacts = ['matricule', 'adresse electronique dossier'].every((name) =>
      closest?.headers.some((header) => normaliseHeader(header) === name),
    );
    throw new IngestFileError(
      'CSV_MISSING_HEADERS',
      `missing column(s) for the ${closest.profile.id} profile: ${closest.missingRequired.join(', ')}` +
        (contacts
          ? ' (this looks like a CNAF contact file, which updates contacts and is not a beneficiary list)'
          : ''),
    );
  }
}

function fileHeader(
  binding: ColumnBinding,
  skippedRows: number,
  details: Record<string, string | number | null>,
  warnings: RecordIssue[],
): DepartmentFileHeader {
  const all = [...warnings];
  if (binding.unknownHeaders.length > 0) {
    all.push({
      code: 'CSV_UNKNOWN_HEADERS',
      severity: 'warning',
      message: `column(s) not read by the ${binding.profile.id} profile: ${binding.unknownHeaders.join(' | ')}`,
    });
  }
  for (const header of binding.duplicateHeaders) {
    all.push({
      code: 'CSV_UNKNOWN_HEADERS',
      severity: 'warning',
      field: header,
      message: `column "${header}" repeats a field read from an earlier column: ignored`,
    });
  }
  if (skippedRows > 0) {
    all.push({
      code: 'CSV_MISSING_HEADERS',
      severity: 'warning',
      message: `${skippedRows} row(s) above the header row skipped`,
    });
  }
  return {
    details: {
      ...details,
      profile: binding.profile.id,
      mappedColumns: mappedCount(binding),
      unknownHeaders: binding.unknownHeaders.length > 0 ? binding.unknownHeaders.join(' | ') : null,
      ignoredHeaders: binding.ignoredHeaders.length > 0 ? binding.ignoredHeaders.join(' | ') : null,
    },
    warnings: all,
  };
}
