import { Readable } from 'node:stream';
import { strToU8, zipSync, type Zippable } from 'fflate';
import {
  IngestFileError,
  type ParsedItem,
  type ParsedRecord,
  type RejectedRecord,
} from '@spie/ingestion/domain';
import type { DepartmentFileHeader, DepartmentPersonRecord } from '../lib/department-record';
import { parseDepartmentFile, type ParseDepartmentFileOptions } from '../lib/parse-department-file';

export interface ParseResult {
  items: ParsedItem<DepartmentPersonRecord>[];
  records: ParsedRecord<DepartmentPersonRecord>[];
  rejected: RejectedRecord[];
  header: DepartmentFileHeader | undefined;
}

/** Parses bytes given whole, or as the list of chunks the stream yields. */
export async function parseAll(
  content: string | Uint8Array | Uint8Array[] | Readable,
  options: Partial<ParseDepartmentFileOptions> = {},
): Promise<ParseResult> {
  let header: DepartmentFileHeader | undefined;
  const items: ParsedItem<DepartmentPersonRecord>[] = [];
  const input =
    content instanceof Readable
      ? content
      : Readable.from(
          Array.isArray(content) ? content : [typeof content === 'string' ? Buffer.from(content) : content],
        );
  for await (const item of parseDepartmentFile(input, {
    fileName: 'liste.csv',
    departmentCode: '26',
    ...options,
    onHeader: (h) => (header = h),
  })) {
    items.push(item);
  }
  return {
    items,
    records: items.filter((item): item is ParsedRecord<DepartmentPersonRecord> => item.kind === 'record'),
    rejected: items.filter((item): item is RejectedRecord => item.kind === 'rejected'),
    header,
  };
}

/** The file-level error the parse ends with (fails the test when it does not throw one). */
export async function parseError(
  content: string | Uint8Array | Uint8Array[] | Readable,
  options: Partial<ParseDepartmentFileOptions> = {},
): Promise<IngestFileError> {
  try {
    await parseAll(content, options);
  } catch (error) {
    if (error instanceof IngestFileError) return error;
    throw error;
  }
  throw new Error('expected an IngestFileError');
}

export function recordAt(result: ParseResult, position: number): DepartmentPersonRecord {
  const found = result.records.find((item) => item.position === position);
  if (!found) throw new Error(`no record at position ${position}`);
  return found.data;
}

export function rejectedAt(result: ParseResult, position: number): RejectedRecord {
  const found = result.rejected.find((item) => item.position === position);
  if (!found) throw new Error(`no rejected row at position ${position}`);
  return found;
}

const escapeXml = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An ODS string cell. */
export const odsText = (text: string, repeat = 1): string =>
  `<table:table-cell office:value-type="string"${repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : ''}><text:p>${escapeXml(text)}</text:p></table:table-cell>`;

export const odsRow = (cells: string[], repeat = 1): string =>
  `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}>${cells.join('')}</table:table-row>`;

export const odsTable = (name: string, rows: string[]): string =>
  `<table:table table:name="${escapeXml(name)}">${rows.join('')}</table:table>`;

export function odsContent(tables: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ' +
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3">' +
    `<office:body><office:spreadsheet>${tables.join('')}</office:spreadsheet></office:body></office:document-content>`
  );
}

/** An ODS archive as LibreOffice writes it: `mimetype` first and stored, then the content. */
export function buildOds(
  content: string,
  mimetype = 'application/vnd.oasis.opendocument.spreadsheet',
  extra: Zippable = {},
): Uint8Array {
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
    ),
    ...extra,
  });
}

/** Splits bytes into chunks of `size`, as a file stream would deliver them. */
export function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; offset += size)
    chunks.push(bytes.subarray(offset, offset + size));
  return chunks;
}
