import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { IngestSource } from '@spie/ingestion/domain';

import { IdentityConflictEntity } from '../entities/identity-conflict.entity';
import { ImportBatchEntity, type ImportBatchStatus } from '../entities/import-batch.entity';
import { ImportIssueEntity } from '../entities/import-issue.entity';
import { isUuid, keysetPage, type Page, type PageRequest } from './keyset-page';

/** Whose batches a reader may see: every batch, or only those a given login sent. */
export interface ImportVisibility {
  receivedBy?: string;
}

/**
 * Read side of import batches for the gateway and the CLI: one batch, the list newest first, the report (issues by
 * record) and the conflicts of a batch, each paginated by keyset.
 */
@Injectable()
export class ImportBatchQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The batch, or null when it does not exist or is not visible to the reader. */
  async get(id: string, visibility: ImportVisibility = {}): Promise<ImportBatchEntity | null> {
    if (!isUuid(id)) return null;
    const batch = await this.dataSource.getRepository(ImportBatchEntity).findOneBy({ id });
    if (!batch || (visibility.receivedBy !== undefined && batch.receivedBy !== visibility.receivedBy))
      return null;
    return batch;
  }

  async list(
    filter: { source?: IngestSource; status?: ImportBatchStatus } & ImportVisibility & PageRequest,
  ): Promise<Page<ImportBatchEntity>> {
    const query = this.dataSource.getRepository(ImportBatchEntity).createQueryBuilder('b');
    if (filter.source) query.andWhere('b.source = :source', { source: filter.source });
    if (filter.status) query.andWhere('b.status = :status', { status: filter.status });
    if (filter.receivedBy !== undefined)
      query.andWhere('b.received_by = :receivedBy', { receivedBy: filter.receivedBy });
    return keysetPage(query, {
      table: 'import_batch',
      columns: ['received_at'],
      direction: 'DESC',
      first: filter.first,
      after: filter.after,
    });
  }

  /**
   * Average bytes per record of the last finished batches of each source (up to 20 each): what turns the size of a
   * file still being read into an estimated number of records.
   */
  async averageRecordBytes(sources: readonly string[]): Promise<Map<string, number>> {
    if (sources.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT source, sum(file_size)::float8 / sum(records_read) AS bytes
         FROM (SELECT source, file_size, records_read,
                      row_number() OVER (PARTITION BY source ORDER BY completed_at DESC) AS n
                 FROM import_batch
                WHERE source = ANY($1::text[]) AND status IN ('completed', 'completed_with_errors')
                  AND records_read > 0) recent
        WHERE n <= 20
        GROUP BY source`,
      [sources],
    )) as Array<{ source: string; bytes: number }>;
    return new Map(rows.map((row) => [row.source, row.bytes]));
  }

  /** The batch report: issues in file order (position), the file itself (position 0) first. */
  async issues(
    batchId: string,
    filter: { severity?: 'error' | 'warning' } & PageRequest,
  ): Promise<Page<ImportIssueEntity>> {
    const query = this.dataSource
      .getRepository(ImportIssueEntity)
      .createQueryBuilder('i')
      .where('i.batch_id = :batchId', { batchId });
    if (filter.severity) query.andWhere('i.severity = :severity', { severity: filter.severity });
    return keysetPage(query, {
      table: 'import_issue',
      columns: ['position'],
      direction: 'ASC',
      first: filter.first,
      after: filter.after,
    });
  }

  /** The identity conflicts a batch raised, in file order. */
  async conflicts(batchId: string, page: PageRequest): Promise<Page<IdentityConflictEntity>> {
    const query = this.dataSource
      .getRepository(IdentityConflictEntity)
      .createQueryBuilder('c')
      .where('c.batch_id = :batchId', { batchId });
    return keysetPage(query, {
      table: 'identity_conflict',
      columns: ['position'],
      direction: 'ASC',
      ...page,
    });
  }
}
