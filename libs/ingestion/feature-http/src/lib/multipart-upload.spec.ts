import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { text } from 'node:stream/consumers';

import { IngestFileError } from '@spie/ingestion/domain';

import { receiveUpload, safeFileName, UploadError, type UploadedFile } from './multipart-upload';

const BOUNDARY = 'spie-test-boundary';

type Part = { name: string; value: string } | { name: string; fileName: string; content: string };

function request(parts: Part[], contentType = `multipart/form-data; boundary=${BOUNDARY}`): IncomingMessage {
  const body = [
    ...parts.map((part) =>
      'fileName' in part
        ? `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.fileName}"\r\n` +
          `Content-Type: application/xml\r\n\r\n${part.content}\r\n`
        : `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`,
    ),
    `--${BOUNDARY}--\r\n`,
  ].join('');
  const stream = new PassThrough();
  stream.end(Buffer.from(body));
  return Object.assign(stream, { headers: { 'content-type': contentType } }) as unknown as IncomingMessage;
}

/** A submit that reads the whole stream, like the storage does. */
const reading = async (file: UploadedFile) => ({ ...file, content: await text(file.stream as Readable) });

describe('receiveUpload', () => {
  it('should stream the file to submit with the option fields sent before it', async () => {
    const { submitted, warnings } = await receiveUpload(
      request([
        { name: 'department', value: '052' },
        { name: 'profile', value: 'cd52' },
        { name: 'file', fileName: 'C:\\flux\\RSABEM.xml', content: '<Racine/>' },
      ]),
      reading,
    );
    expect(submitted).toMatchObject({
      fileName: 'RSABEM.xml',
      options: { departmentCode: '052', profile: 'cd52' },
      content: '<Racine/>',
    });
    expect(warnings).toEqual([]);
  });

  it('should ignore, with a warning, a field and a second file that come after the file', async () => {
    const { submitted, warnings } = await receiveUpload(
      request([
        { name: 'file', fileName: 'a.xml', content: 'A' },
        { name: 'department', value: '052' },
        { name: 'file', fileName: 'b.xml', content: 'B' },
      ]),
      reading,
    );
    expect(submitted).toMatchObject({ options: {}, content: 'A' });
    expect(warnings).toEqual([
      'field "department" came after the file and was ignored',
      'file field "file" came after the file and was ignored',
    ]);
  });

  const FILE: Part = { name: 'file', fileName: 'flux.xml', content: '<Racine/>' };

  it.each<[string, Part[], string]>([
    ['an invalid option value', [{ name: 'department', value: '52000' }, FILE], 'INVALID_FIELD'],
    ['an unknown field', [{ name: 'password', value: 'x' }, FILE], 'UNKNOWN_FIELD'],
    ['a file in another field', [{ name: 'upload', fileName: 'a.xml', content: 'A' }, FILE], 'UNKNOWN_FIELD'],
    ['a form without a file', [{ name: 'department', value: '052' }], 'FILE_MISSING'],
  ])('should refuse %s with 400 before any submission', async (_case, parts, code) => {
    const submit = jest.fn(reading);
    await expect(receiveUpload(request(parts), submit)).rejects.toMatchObject({ status: 400, code });
    expect(submit).not.toHaveBeenCalled();
  });

  it('should answer 415 to a body that is not multipart', async () => {
    await expect(receiveUpload(request([], 'application/json'), reading)).rejects.toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('should answer 413 when the storage refuses the file as too large', async () => {
    const error = await receiveUpload(
      request([{ name: 'file', fileName: 'big.xml', content: 'x'.repeat(100) }]),
      () => Promise.reject(new IngestFileError('FILE_TOO_LARGE', 'The file is larger than 1 MB')),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE' });
  });

  it('should answer 400 to a body cut before its end', async () => {
    const stream = new PassThrough();
    stream.end(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.xml"\r\n\r\n<Racine>`,
      ),
    );
    const cut = Object.assign(stream, {
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    }) as unknown as IncomingMessage;
    await expect(receiveUpload(cut, reading)).rejects.toMatchObject({
      status: 400,
      code: 'MALFORMED_MULTIPART',
    });
  });
});

describe('safeFileName', () => {
  it('should keep only the last segment, without control characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('a\u0000b\r\n.xml')).toBe('ab.xml');
    expect(safeFileName('..')).toBe('upload');
    expect(safeFileName(undefined)).toBe('upload');
    expect(safeFileName('x'.repeat(400))).toHaveLength(255);
  });
});
