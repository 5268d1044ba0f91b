import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessService } from '@spie/access/data-access';
import {
  decideImportRights,
  IngestionException,
  IngestionExceptionCode,
  type ImportRights,
  type IngestSource,
} from '@spie/ingestion/domain';
import type { JobEnvelope } from '@spie/platform/queue';

import type { ImportBatchEntity } from '../entities/import-batch.entity';

/** Rights that allow: the habilitation a batch is accepted under. */
export type GrantedImportRights = Extract<ImportRights, { allowed: true }>;

/**
 * What the sender of a file may write, asked of the access layer each time (never cached): when the file is sent
 * (HTTP upload, CLI, i-Milo poll), when a batch is resumed, and by every job of the batch before it writes.
 */
@Injectable()
export class IngestRightsService {
  constructor(
    private readonly access: AccessService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The rights of `actor` (as the agent table holds it now) to send a file of `source`. */
  async rightsOf(
    actor: { kind: string; id: string },
    source: IngestSource,
    now = new Date(),
  ): Promise<ImportRights> {
    const writer = await this.access.writerOf(actor);
    const grants = await this.access.grantsOf(writer.organisationId);
    return decideImportRights(writer, source, grants, now);
  }

  /** The rights a job of `batch` writes with: those of the agent the batch acts for, now. */
  ofBatch(
    batch: Pick<ImportBatchEntity, 'actingAgentId' | 'source'>,
    now = new Date(),
  ): Promise<ImportRights> {
    return this.rightsOf(
      { kind: batch.actingAgentId ? 'agent' : 'system', id: batch.actingAgentId ?? '' },
      batch.source,
      now,
    );
  }

  /** The rights of `actor` to send `source`, or `IMPORT_NOT_HABILITATED` with the reason and missing categories. */
  async authorise(actor: JobEnvelope['actor'], source: IngestSource): Promise<GrantedImportRights> {
    const rights = await this.rightsOf(actor, source);
    if (!rights.allowed) {
      throw new IngestionException(
        IngestionExceptionCode.ImportNotHabilitated,
        `${actor.login} may not send ${source} files: ${rights.message}`,
        { reason: rights.code, missing: [...rights.missing], source },
      );
    }
    return rights;
  }

  /** An active agent account by login, as a job's actor (the CLI, the i-Milo poll); null when there is none. */
  async accountByLogin(login: string): Promise<JobEnvelope['actor'] | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, login, organisation_id FROM agent WHERE login = $1 AND active`,
      [login],
    )) as Array<{ id: string; login: string; organisation_id: string }>;
    return row ? { kind: 'agent', id: row.id, login: row.login, organisationId: row.organisation_id } : null;
  }
}
