import { UseFilters } from '@nestjs/common';
import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';

import {
  ImportBatchQueryService,
  ImportBatchService,
  type ImportBatchEntity,
} from '@spie/ingestion/data-access';
import type { IngestSource } from '@spie/ingestion/domain';
import { CurrentActor, importReadScope, isAllowed, Permission, Requires } from '@spie/platform/auth';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import type { Actor } from '@spie/shared/kernel';

import { IdentityConflictConnection } from './dtos/identity-conflict.dto';
import {
  ImportBatchConnection,
  ImportBatchDTO,
  ImportBatchesArgs,
  ImportIssueConnection,
  ImportIssueCountDTO,
  ImportReportArgs,
} from './dtos/import-batch.dto';
import { PageArgs, type Connection } from './dtos/page.dto';
import type { IdentityConflictDTO } from './dtos/identity-conflict.dto';
import type { ImportIssueDTO } from './dtos/import-batch.dto';
import { IngestionExceptionFilter, withIngestionErrors } from './ingestion-exception.filter';
import { toConnection, toIdentityConflictDTO, toImportBatchDTO, toImportIssueDTO } from './ingestion.mapper';

/** Who may read which batch: the permission, then the scope (a connector sees the files it sent). */
function visibility(actor: Actor): { receivedBy?: string } {
  const scope = importReadScope(actor);
  return scope.all ? {} : { receivedBy: scope.receivedBy };
}

@Resolver(() => ImportBatchDTO)
@UseFilters(IngestionExceptionFilter)
export class ImportBatchResolver {
  constructor(
    private readonly queries: ImportBatchQueryService,
    private readonly batches: ImportBatchService,
  ) {}

  @Query(() => ImportBatchDTO, {
    nullable: true,
    description: 'One import batch with its progress; null when not found (or not visible to the account)',
  })
  @Requires(Permission.ImportsRead)
  async importBatch(
    @Args('id', { type: () => ID }) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ImportBatchDTO | null> {
    const batch = await this.queries.get(id, visibility(actor));
    if (!batch) return null;
    const averages = await this.averageRecordBytes([batch]);
    return toImportBatchDTO(batch, new Date(), averages.get(batch.source) ?? null);
  }

  @Query(() => ImportBatchConnection, { description: 'Import batches, newest first' })
  @Requires(Permission.ImportsRead)
  async importBatches(
    @Args() args: ImportBatchesArgs,
    @CurrentActor() actor: Actor,
  ): Promise<Connection<ImportBatchDTO>> {
    const now = new Date();
    const page = await this.queries.list({
      source: (args.source ?? undefined) as IngestSource | undefined,
      status: args.status ?? undefined,
      first: args.first,
      after: args.after,
      ...visibility(actor),
    });
    const averages = await this.averageRecordBytes(page.items);
    return toConnection(page, (batch) => toImportBatchDTO(batch, now, averages.get(batch.source) ?? null));
  }

  /** For batches whose file is still being read: the usual record size of their source, to estimate the total. */
  private averageRecordBytes(batches: ImportBatchEntity[]): Promise<Map<string, number>> {
    const reading = batches.filter((batch) => !batch.parsedAt && !batch.completedAt);
    return this.queries.averageRecordBytes([...new Set(reading.map((batch) => batch.source))]);
  }

  @ResolveField(() => ImportIssueConnection, {
    description: 'The report: refused records and warnings in file order, the file itself (position 0) first',
  })
  async report(
    @Parent() batch: ImportBatchDTO,
    @Args() args: ImportReportArgs,
  ): Promise<Connection<ImportIssueDTO>> {
    return withIngestionErrors(async () =>
      toConnection(
        await this.queries.issues(batch.id, {
          first: args.first,
          after: args.after,
          severity: args.severity ?? undefined,
        }),
        toImportIssueDTO,
      ),
    );
  }

  @ResolveField(() => [ImportIssueCountDTO], { description: 'Issues counted by code, most frequent first' })
  async issueSummary(@Parent() batch: ImportBatchDTO): Promise<ImportIssueCountDTO[]> {
    return (await this.batches.issueCountsByCode(batch.id)).map((row) => ({
      code: row.code,
      severity: row.severity as 'error' | 'warning',
      count: row.count,
    }));
  }

  @ResolveField(() => IdentityConflictConnection, {
    description:
      'People of this batch sent to the identity review queue (orientation and admin accounts only)',
  })
  async conflicts(
    @Parent() batch: ImportBatchDTO,
    @Args() args: PageArgs,
    @CurrentActor() actor: Actor,
  ): Promise<Connection<IdentityConflictDTO>> {
    if (!isAllowed(actor, Permission.IdentityConflictsReview)) {
      throw hubGraphQLError(
        HubErrorCode.Forbidden,
        `This account may not do this (${Permission.IdentityConflictsReview})`,
        {
          permission: Permission.IdentityConflictsReview,
        },
      );
    }
    return withIngestionErrors(async () =>
      toConnection(await this.queries.conflicts(batch.id, args), toIdentityConflictDTO),
    );
  }
}
