import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import {
  checkAuditLink,
  GENESIS_HASH,
  type AuditChainBreak,
  type AuditChainFields,
} from '@spie/audit/domain';

import { AUDIT_CHAIN_COLUMNS } from '../audit-chain.sql';

export interface AuditVerifyReport {
  ok: boolean;
  /** Entries whose link and hash were checked (up to and including the broken one). */
  checked: number;
  seconds: number;
  /** The purge checkpoint the chain was checked from (null: from the first entry ever written). */
  fromCheckpoint: { seq: string; hash: string } | null;
  /** The last entry checked. */
  lastSeq: string | null;
  /** The first broken link, or null. */
  broken: AuditChainBreak | null;
}

/**
 * Checks the whole audit chain in seq order, in batches read by keyset (memory stays flat whatever the size), inside
 * one REPEATABLE READ READ ONLY transaction so that appends and purges running meanwhile do not move what is checked.
 * It starts from the latest purge checkpoint (or from the genesis hash) and stops at the first broken link.
 */
@Injectable()
export class AuditChainVerifier {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(
    options: { batchSize?: number; onProgress?: (checked: number) => void } = {},
  ): Promise<AuditVerifyReport> {
    const started = process.hrtime.bigint();
    const batchSize = options.batchSize ?? 5000;
    const runner = this.dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const [checkpoint]: Array<{ seq: string; hash: string }> = await runner.query(
        'SELECT c.seq::text AS seq, c.hash FROM audit_checkpoint c ORDER BY c.seq DESC LIMIT 1',
      );
      let expectedSeq = checkpoint ? BigInt(checkpoint.seq) + 1n : 1n;
      let expectedPrev = checkpoint?.hash ?? GENESIS_HASH;
      // Read from the very first row: an entry left behind the checkpoint breaks the seq check like a gap does.
      let after = '0';
      let checked = 0;
      let lastSeq: string | null = null;
      let broken: AuditChainBreak | null = null;
      for (;;) {
        const rows: Array<AuditChainFields & { hash: string }> = await runner.query(
          `SELECT ${AUDIT_CHAIN_COLUMNS} FROM audit_entry e WHERE e.seq > $1::bigint ORDER BY e.seq LIMIT $2`,
          [after, batchSize],
        );
        for (const row of rows) {
          checked += 1;
          lastSeq = row.seq;
          broken = checkAuditLink(row, { seq: expectedSeq, prevHash: expectedPrev });
          if (broken) break;
          expectedSeq += 1n;
          expectedPrev = row.hash;
        }
        options.onProgress?.(checked);
        if (broken || rows.length < batchSize) break;
        after = rows[rows.length - 1].seq;
      }
      await runner.commitTransaction();
      return {
        ok: broken === null,
        checked,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        fromCheckpoint: checkpoint ?? null,
        lastSeq,
        broken,
      };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}
