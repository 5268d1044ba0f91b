import { IngestFileError } from '@spie/ingestion/domain';

export type SniffedContainer = 'zip' | 'text';

/** Bytes read before deciding the format and, for text, the encoding and delimiter. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * Decides by content: a ZIP local header is a workbook (XLSX or ODS, told apart by its entries), a compound document
 * (legacy `.xls`, or any password-protected Office file) or a PDF is refused, anything else is read as text (CSV).
 */
export function sniffContainer(head: Uint8Array): SniffedContainer {
  if (head.length === 0) throw new IngestFileError('EMPTY_FILE', 'the file is empty');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06]) || startsWith(head, [0x50, 0x4b, 0x07, 0x08])) {
    throw new IngestFileError('SPREADSHEET_UNREADABLE', 'the file is an empty or split ZIP archive');
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new IngestFileError(
      'UNSUPPORTED_FORMAT',
      'legacy Excel 97-2003 (.xls) or password-protected workbook: save it as .xlsx, .ods or CSV without a password',
    );
  }
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) {
    throw new IngestFileError('UNSUPPORTED_FORMAT', 'the file is a PDF, not a spreadsheet');
  }
  return 'text';
}

/** The format a file name suggests (`.xlsx`, `.ods`, `.csv`/`.txt`), for a warning when the content disagrees. */
export function formatHintedByName(fileName: string): 'csv' | 'xlsx' | 'ods' | 'xls' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase();
  switch (extension) {
    case 'csv':
    case 'txt':
    case 'tsv':
      return 'csv';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'ods':
      return 'ods';
    case 'xls':
      return 'xls';
    default:
      return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}
