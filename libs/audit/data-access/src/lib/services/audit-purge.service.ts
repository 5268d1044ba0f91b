import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface AuditPurgeReport {
  cutoff: Date;
  /** Entries removed (or, in a dry run, that would be). */
  entries: number;
  /** The last seq removed: the checkpoint the chain continues from. Null when nothing was due. */
  throughSeq: string | null;
  dryRun: boolean;
}

/**
 * The retention of the audit log itself (CNIL: 6 months to 1 year, up to 3 years with documented internal control).
 * Entries older than the cutoff go through the only exception to the append-only rule, the `audit_purge_before`
 * function (SECURITY DEFINER): under the chain lock it removes the head of the chain up to the last entry before the
 * first one still due to be kept, and records a checkpoint with that entry's hash, so verification continues from it.
 */
@Injectable()
export class AuditPurgeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async purgeBefore(cutoff: Date, options: { dryRun: boolean }): Promise<AuditPurgeReport> {
    if (options.dryRun) {
      // The same head-of-chain rule as the function: everything before the first entry that is still kept.
      const [row]: Array<{ entries: string; through: string | null }> = await this.dataSource.query(
        `SELECT count(*)::text AS entries, max(seq)::text AS through
           FROM audit_entry
          WHERE seq < COALESCE((SELECT min(seq) FROM audit_entry WHERE at >= $1), 9223372036854775807)`,
        [cutoff],
      );
      return { cutoff, entries: Number(row.entries), throughSeq: row.through, dryRun: true };
    }
    const [row]: Array<{ purged: string; through_seq: string | null }> = await this.dataSource.query(
      'SELECT purged::text AS purged, through_seq::text AS through_seq FROM audit_purge_before($1)',
      [cutoff],
    );
    return { cutoff, entries: Number(row.purged), throughSeq: row.through_seq, dryRun: false };
  }
}
