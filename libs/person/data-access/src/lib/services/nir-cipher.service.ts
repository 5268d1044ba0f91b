import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { EnvironmentVariables } from '@spie/platform/config';
import type { Nir } from '@spie/person/domain';

/** Encrypts NIRs at rest (AES-256-GCM) and computes their lookup hash (HMAC-SHA256 of the 13-character base). */
@Injectable()
export class NirCipherService {
  private readonly encryptionKey: Buffer;
  private readonly hmacKey: Buffer;

  constructor(env: EnvironmentVariables) {
    this.encryptionKey = Buffer.from(env.NIR_ENCRYPTION_KEY, 'base64');
    this.hmacKey = Buffer.from(env.NIR_HMAC_KEY, 'base64');
    if (this.encryptionKey.length !== 32)
      throw new Error('NIR_ENCRYPTION_KEY must be 32 bytes, base64-encoded');
  }

  lookupHash(nir: Pick<Nir, 'base'>): string {
    return createHmac('sha256', this.hmacKey).update(nir.base).digest('base64url');
  }

  encrypt(nir: Pick<Nir, 'full'>): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const data = Buffer.concat([cipher.update(nir.full, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join('.');
  }

  decrypt(ciphertext: string): string {
    const [iv, tag, data] = ciphertext.split('.').map((part) => Buffer.from(part, 'base64'));
    if (!iv || !tag || !data) throw new Error('malformed NIR ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }
}
