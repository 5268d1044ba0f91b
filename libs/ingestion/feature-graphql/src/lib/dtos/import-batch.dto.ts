import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { IMPORT_BATCH_STATUSES, type ImportBatchStatus } from '@spie/ingestion/data-access';
import { INGEST_SOURCES } from '@spie/ingestion/domain';
import { LocalDateScalar } from '@spie/platform/graphql';

import { connectionOf, PageArgs } from './page.dto';

const upperKeys = <V extends string>(values: readonly V[]) =>
  Object.fromEntries(values.map((value) => [value.toUpperCase(), value])) as Record<Uppercase<V>, V>;

export const ImportBatchStatusEnum = upperKeys(IMPORT_BATCH_STATUSES);
registerEnumType(ImportBatchStatusEnum, {
  name: 'ImportBatchStatus',
  description:
    'received → parsing → processing → completed | completed_with_errors | failed; HELD: stopped before writing because the account the batch acts for lost its rights (see hold), until a replay resumes it',
});

export const ImportIssueSeverityEnum = upperKeys(['error', 'warning'] as const);
registerEnumType(ImportIssueSeverityEnum, {
  name: 'ImportIssueSeverity',
  description: 'ERROR: the record was refused; WARNING: kept with a note',
});

export const ImportIssuePhaseEnum = upperKeys(['parse', 'apply'] as const);
registerEnumType(ImportIssuePhaseEnum, {
  name: 'ImportIssuePhase',
  description: 'PARSE: found while reading the file; APPLY: found while applying the record',
});

@ObjectType('ImportProgress', {
  description: 'Records done over records in the file, with the average rate since the parse started',
})
export class ImportProgressDTO {
  @Field(() => Int, { description: 'Records applied, plus those refused once the file is read' })
  processed!: number;

  @Field(() => Int, { nullable: true, description: 'Records in the file; null while it is still being read' })
  total!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'While the file is being read: its size over the usual record size of the source (recent batches); null once the total is known',
  })
  estimatedTotal!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '0–100, 100 once finished; from the estimate while the file is being read (at most 99.9)',
  })
  percent!: number | null;

  @Field(() => Float, { nullable: true, description: 'Records per second since the parse started' })
  ratePerSecond!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds left at that rate, from the total or the estimate; 0 once finished',
  })
  etaSeconds!: number | null;

  @Field(() => Float)
  elapsedSeconds!: number;
}

@ObjectType('ImportCounts', { description: 'Outcome of the records of a batch' })
export class ImportCountsDTO {
  @Field(() => Int) personsCreated!: number;
  @Field(() => Int) personsUpdated!: number;
  @Field(() => Int) personsUnchanged!: number;
  @Field(() => Int) householdsCreated!: number;
  @Field(() => Int) householdsUpdated!: number;
  @Field(() => Int) householdsUnchanged!: number;
  @Field(() => Int, { description: 'Records older than the state already applied' })
  stale!: number;
  @Field(() => Int, { description: 'Records refused (see the report)' })
  rejected!: number;
  @Field(() => Int, { description: 'People sent to the identity review queue' })
  conflicts!: number;
  @Field(() => Int, { description: 'Records applied without a person or household' })
  skipped!: number;
}

@ObjectType('ImportFileError', { description: 'Why the whole file was refused' })
export class ImportFileErrorDTO {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('ImportHold', {
  description:
    'Why a batch is held: its jobs write nothing until `spie imports replay` resumes it (nothing is lost)',
})
export class ImportHoldDTO {
  @Field(() => String, { description: 'STARTER_RIGHTS_REVOKED: the account it acts for lost its rights' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => Date)
  heldAt!: Date;
}

@ObjectType('ImportIssue', { description: 'A refused record or a warning, by position in the file' })
export class ImportIssueDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: '1-based position of the record in the file; 0 for the file itself' })
  position!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Key of the record in its source (CAF organisme:matricule…), NIRs masked',
  })
  recordKey!: string | null;

  @Field(() => ImportIssuePhaseEnum)
  phase!: 'parse' | 'apply';

  @Field(() => ImportIssueSeverityEnum)
  severity!: 'error' | 'warning';

  @Field(() => String, { description: 'Stable code (INVALID_NIR, MISSING_FIELD…)' })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'Path or column of the value at fault' })
  field!: string | null;
}

@ObjectType('ImportIssueCount')
export class ImportIssueCountDTO {
  @Field(() => String)
  code!: string;

  @Field(() => ImportIssueSeverityEnum)
  severity!: 'error' | 'warning';

  @Field(() => Int)
  count!: number;
}

@ObjectType('ImportBatch', { description: 'One received file and its processing' })
export class ImportBatchDTO {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description: 'caf-msa, france-travail-principal, department… (as in POST /imports/:source)',
  })
  source!: string;

  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the bytes received, hex' })
  sha256!: string;

  @Field(() => Float)
  sizeBytes!: number;

  @Field(() => Date)
  receivedAt!: Date;

  @Field(() => String, { description: 'Login of the account that sent the file' })
  receivedBy!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Login of the account the batch acts for (its sender, or whoever resumed it): every job checks its rights again',
  })
  actingAs!: string | null;

  @Field(() => String, { nullable: true, description: 'Login of the account that last resumed the batch' })
  resumedBy!: string | null;

  @Field(() => Date, { nullable: true })
  resumedAt!: Date | null;

  @Field(() => ImportBatchStatusEnum)
  status!: ImportBatchStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Reference date the file states (DTREF…)' })
  referenceDate!: string | null;

  @Field(() => String, { nullable: true, description: 'M (monthly stock) or I (increment) for CAF/MSA' })
  fluxType!: string | null;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the whole file was read' })
  parsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => ImportProgressDTO)
  progress!: ImportProgressDTO;

  @Field(() => ImportCountsDTO)
  counts!: ImportCountsDTO;

  @Field(() => ImportFileErrorDTO, { nullable: true, description: 'Set when the whole file was refused' })
  error!: ImportFileErrorDTO | null;

  @Field(() => ImportHoldDTO, { nullable: true, description: 'Set while the batch is held' })
  hold!: ImportHoldDTO | null;
}

export const ImportBatchConnection = connectionOf(ImportBatchDTO, 'ImportBatch');
export const ImportIssueConnection = connectionOf(ImportIssueDTO, 'ImportIssue');

@ArgsType()
export class ImportBatchesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only the batches of this source' })
  @IsOptional()
  @IsIn(INGEST_SOURCES)
  source?: string | null;

  @Field(() => ImportBatchStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(IMPORT_BATCH_STATUSES)
  status?: ImportBatchStatus | null;
}

@ArgsType()
export class ImportReportArgs {
  @Field(() => Int, { defaultValue: 50, description: 'Page size, 1–500' })
  @IsInt()
  @Min(1)
  @Max(500)
  first = 50;

  @Field(() => String, { nullable: true, description: '`endCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;

  @Field(() => ImportIssueSeverityEnum, { nullable: true, description: 'Only errors, or only warnings' })
  @IsOptional()
  @IsIn(['error', 'warning'])
  severity?: 'error' | 'warning' | null;
}
