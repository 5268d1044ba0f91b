import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { IngestFileError } from '@spie/ingestion/domain';
import type { ByteSource } from './byte-source';
import type { ParseLimits } from './sheet-row';

export type WorkbookKind = 'xlsx' | 'ods';

/** Compressed bytes pushed through the inflater per step: bounds what one step can expand to (deflate ≤ ~1:1032). */
const SLICE = 16 * 1024;
/** Compressed bytes read before the archive must have shown what it is. */
const DECISION_WINDOW = 8 * 1024 * 1024;

const ODS_MIMETYPES = new Set([
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.spreadsheet-template',
]);

/**
 * Streams a ZIP archive through fflate's `Unzip`, whatever reads it afterwards:
 * - tells an XLSX (`xl/…` entries) from an ODS (`mimetype` entry) from any other archive;
 * - inflates every entry to count its real size, so that a zip bomb is refused (FILE_TOO_LARGE) before any reader
 *   expands it, and a corrupt archive is refused (SPREADSHEET_UNREADABLE);
 * - hands the inflated `content.xml` of an ODS to `onContent`.
 */
export class ZipPump {
  kind: WorkbookKind | undefined;
  private unsupported: string | undefined;
  private readonly unzip = new Unzip();
  private total = 0;
  private entries = 0;
  private completeEntries = 0;
  private failure: unknown;
  private mimetype = '';
  private remainder: Uint8Array | undefined;
  private ended = false;
  /** Set when the `content.xml` entry has been inflated to its end. */
  contentComplete = false;
  /** Inflated `content.xml` chunks not yet taken by the ODS reader. */
  readonly content: Uint8Array[] = [];

  constructor(
    private readonly source: ByteSource,
    private readonly limits: ParseLimits,
  ) {
    this.unzip.register(UnzipInflate);
    this.unzip.onfile = (file) => this.onFile(file);
  }

  /**
   * Reads until the archive says what it is. Returns the raw chunks read so far (for a reader that needs the
   * archive bytes, like exceljs).
   */
  async decide(): Promise<{ kind: WorkbookKind; head: Uint8Array[] }> {
    const head: Uint8Array[] = [];
    let read = 0;
    while (this.kind === undefined && this.unsupported === undefined) {
      const chunk = await this.next();
      if (chunk === null) break;
      head.push(chunk);
      read += chunk.length;
      if (read > DECISION_WINDOW) break;
    }
    if (this.kind === undefined && this.unsupported === undefined && this.completeEntries === 0) {
      throw new IngestFileError('SPREADSHEET_UNREADABLE', 'the ZIP archive has no readable entry');
    }
    if (this.kind === undefined) {
      throw new IngestFileError(
        'UNSUPPORTED_FORMAT',
        this.unsupported ?? 'the file is a ZIP archive but neither an XLSX nor an ODS workbook',
      );
    }
    return { kind: this.kind, head };
  }

  /**
   * Pushes at most one slice of the archive through the inflater and returns those raw bytes, or `null` at the end of
   * the file (after checking the archive was complete enough).
   */
  async next(): Promise<Uint8Array | null> {
    if (this.ended) return null;
    let chunk = this.remainder ?? (await this.source.next());
    this.remainder = undefined;
    while (chunk !== null && chunk.length === 0) chunk = await this.source.next();
    if (chunk === null) {
      this.ended = true;
      this.push(new Uint8Array(0), true);
      return null;
    }
    if (chunk.length > SLICE) {
      this.remainder = chunk.subarray(SLICE);
      chunk = chunk.subarray(0, SLICE);
    }
    this.push(chunk, false);
    return chunk;
  }

  private push(chunk: Uint8Array, final: boolean): void {
    try {
      this.unzip.push(chunk, final);
    } catch (error) {
      throw this.failure ?? unreadable(error);
    }
    if (this.failure) throw this.failure;
  }

  private onFile(file: UnzipFile): void {
    this.entries += 1;
    if (this.entries > this.limits.maxZipEntries) {
      this.fail(
        new IngestFileError(
          'FILE_TOO_LARGE',
          `the archive has more than ${this.limits.maxZipEntries} entries`,
        ),
      );
    }
    const name = file.name;
    if (this.kind === undefined && this.unsupported === undefined) {
      if (name.startsWith('xl/')) this.kind = 'xlsx';
      else if (/^(word|ppt)\//.test(name))
        this.unsupported = 'the file is a Word or PowerPoint document, not a workbook';
      else if (name === 'content.xml') this.kind = 'ods';
    }
    file.ondata = (error, data, final) => {
      if (this.failure) throw this.failure;
      if (error) this.fail(unreadable(error));
      this.total += data.length;
      if (final) this.completeEntries += 1;
      if (this.total > this.limits.maxUncompressedBytes) {
        this.fail(
          new IngestFileError(
            'FILE_TOO_LARGE',
            `the workbook expands to more than ${Math.round(this.limits.maxUncompressedBytes / 1024 / 1024)} MB`,
          ),
        );
      }
      if (name === 'mimetype') {
        if (this.mimetype.length < 200) this.mimetype += new TextDecoder().decode(data);
        if (final) this.onMimetype(this.mimetype.trim());
      } else if (name === 'content.xml' && this.kind !== 'xlsx') {
        if (data.length > 0) this.content.push(data);
        if (final) this.contentComplete = true;
      }
    };
    file.start();
  }

  private onMimetype(mimetype: string): void {
    if (this.kind !== undefined || this.unsupported !== undefined) return;
    if (ODS_MIMETYPES.has(mimetype)) this.kind = 'ods';
    else this.unsupported = `the file is an OpenDocument archive of another kind (${mimetype.slice(0, 80)})`;
  }

  private fail(error: unknown): never {
    this.failure ??= error;
    throw this.failure;
  }
}

function unreadable(error: unknown): IngestFileError {
  if (error instanceof IngestFileError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new IngestFileError('SPREADSHEET_UNREADABLE', `the workbook archive is corrupt (${detail})`);
}
