import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import { Injectable } from '@nestjs/common';

import { IngestFileError } from '@spie/ingestion/domain';
import { EnvironmentVariables } from '@spie/platform/config';

export interface StoredFile {
  hash: string;
  size: number;
  /** Relative to the storage folder. */
  path: string;
}

/**
 * Keeps received files as they came, content-addressed (`<sha256>`), written to a temporary name then renamed so a
 * reader never sees half a file. The hash is computed while the bytes stream through: nothing is held in memory.
 */
@Injectable()
export class ImportStorageService {
  private readonly root: string;
  private readonly maxBytes: number;

  constructor(env: EnvironmentVariables) {
    this.root = isAbsolute(env.IMPORT_STORAGE_DIR) ? env.IMPORT_STORAGE_DIR : resolve(env.IMPORT_STORAGE_DIR);
    this.maxBytes = env.IMPORT_MAX_FILE_MB * 1024 * 1024;
  }

  async store(input: Readable): Promise<StoredFile> {
    await mkdir(join(this.root, 'incoming'), { recursive: true });
    const temporary = join(this.root, 'incoming', randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const maxBytes = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > maxBytes) {
          callback(
            new IngestFileError('FILE_TOO_LARGE', `The file is larger than ${maxBytes / 1024 / 1024} MB`),
          );
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    try {
      await pipeline(input, meter, createWriteStream(temporary));
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    const digest = hash.digest('hex');
    const path = join(digest.slice(0, 2), digest);
    const target = join(this.root, path);
    await mkdir(dirname(target), { recursive: true });
    if (existsSync(target)) await rm(temporary, { force: true });
    else await rename(temporary, target);
    return { hash: digest, size, path };
  }

  open(path: string, highWaterMark = 256 * 1024): Readable {
    return createReadStream(this.absolute(path), { highWaterMark });
  }

  async exists(path: string): Promise<boolean> {
    try {
      return (await stat(this.absolute(path))).isFile();
    } catch {
      return false;
    }
  }

  private absolute(path: string): string {
    const absolute = resolve(this.root, path);
    if (!absolute.startsWith(this.root)) throw new Error('Path outside the import storage');
    return absolute;
  }
}
