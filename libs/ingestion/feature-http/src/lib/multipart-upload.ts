import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';

import busboy from 'busboy';

import { IngestFileError, importOption, isImportOptionField } from '@spie/ingestion/domain';

/** Why an upload was refused, with the HTTP status it answers. */
export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadedFile {
  fileName: string;
  stream: Readable;
  /** Batch options from the form fields sent before the file. */
  options: Record<string, string>;
}

/** The form field that carries the file. */
export const FILE_FIELD = 'file';

/**
 * Reads a `multipart/form-data` request with busboy and hands the `file` part, as a stream, to `submit` as soon as it
 * starts: nothing is buffered. Option fields (`department`, `profile`, `france-travail-id`) count only when they come
 * before the file, as curl sends them in order; a field or a second file after it is ignored with a warning. Anything
 * wrong before the file refuses the request before any batch exists.
 */
export function receiveUpload<T>(
  request: IncomingMessage,
  submit: (file: UploadedFile) => Promise<T>,
): Promise<{ submitted: T; warnings: string[] }> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        limits: { fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: 20, headerPairs: 50 },
      });
    } catch {
      reject(new UploadError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data'));
      return;
    }
    const options: Record<string, string> = {};
    const warnings: string[] = [];
    let submission: Promise<T> | undefined;
    let settled = false;

    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      parser.destroy();
      reject(error);
    };

    parser.on('field', (name, value, info) => {
      if (settled) return;
      if (submission) {
        warnings.push(`field "${printable(name)}" came after the file and was ignored`);
        return;
      }
      if (info.valueTruncated) {
        fail(new UploadError(400, 'INVALID_FIELD', `${printable(name)}: value too long`));
        return;
      }
      if (!isImportOptionField(name)) {
        fail(
          new UploadError(
            400,
            'UNKNOWN_FIELD',
            `Unknown form field "${printable(name)}": send "${FILE_FIELD}" and optionally department, profile, france-travail-id`,
          ),
        );
        return;
      }
      const option = importOption(name, value);
      if (!option.ok) fail(new UploadError(400, 'INVALID_FIELD', option.message));
      else options[option.key] = option.value;
    });

    parser.on('file', (name, stream, info) => {
      // A refused request destroys the parser, and with it this stream: its error is answered by `fail`.
      stream.on('error', () => undefined);
      if (settled || submission || name !== FILE_FIELD) {
        stream.resume();
        if (settled) return;
        if (submission) warnings.push(`file field "${printable(name)}" came after the file and was ignored`);
        else
          fail(new UploadError(400, 'UNKNOWN_FIELD', `The file must be sent in the field "${FILE_FIELD}"`));
        return;
      }
      submission = submit({ fileName: safeFileName(info.filename), stream, options: { ...options } });
      // The storage may refuse the bytes before the form ends (too large): answer at once.
      submission.catch((error: unknown) => fail(toUploadError(error, stream)));
    });

    parser.on('filesLimit', () => warnings.push('too many parts: the extra ones were ignored'));
    parser.on('partsLimit', () => warnings.push('too many parts: the extra ones were ignored'));
    parser.on('fieldsLimit', () => warnings.push('too many fields: the extra ones were ignored'));

    parser.on('error', () =>
      fail(new UploadError(400, 'MALFORMED_MULTIPART', 'The multipart body is malformed or incomplete')),
    );

    parser.on('close', () => {
      if (settled) return;
      if (!submission) {
        fail(new UploadError(400, 'FILE_MISSING', `No file: send it in the form field "${FILE_FIELD}"`));
        return;
      }
      submission.then(
        (submitted) => {
          if (settled) return;
          settled = true;
          resolve({ submitted, warnings });
        },
        (error: unknown) => fail(error),
      );
    });

    // A client that goes away mid-upload: the partial file is dropped (the storage removes its temporary file).
    request.on('close', () => {
      if (!request.readableEnded)
        fail(new UploadError(400, 'MALFORMED_MULTIPART', 'The upload was interrupted'));
    });

    request.pipe(parser);
  });
}

/** A storage refusal of the size is a 413; a file stream broken by the parser (body cut short) is a 400. */
function toUploadError(error: unknown, stream: Readable): unknown {
  if (error instanceof IngestFileError && error.code === 'FILE_TOO_LARGE') {
    return new UploadError(413, 'FILE_TOO_LARGE', error.message);
  }
  if (stream.errored) {
    return new UploadError(400, 'MALFORMED_MULTIPART', 'The multipart body is malformed or incomplete');
  }
  return error;
}

/** The name as sent, without any folder, control characters or excess length. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = printable(base, 255).trim();
  return clean.length > 0 && clean !== '.' && clean !== '..' ? clean : 'upload';
}

function printable(text: string, max = 100): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, max);
}
