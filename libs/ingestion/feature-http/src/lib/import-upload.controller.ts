import { randomUUID } from 'node:crypto';

import {
  Controller,
  ForbiddenException,
  HttpCode,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { ImportSubmissionService, IngestRightsService } from '@spie/ingestion/data-access';
import {
  INGEST_SOURCES,
  IngestionException,
  IngestionExceptionCode,
  isIngestSource,
} from '@spie/ingestion/domain';
import { CurrentActor, Permission, Requires } from '@spie/platform/auth';
import { EnvironmentVariables } from '@spie/platform/config';
import type { Actor } from '@spie/shared/kernel';

import { receiveUpload, UploadError } from './multipart-upload';

/** What `POST /imports/:source` answers (202): the batch to follow with `importBatch(id)`. */
export interface UploadAnswer {
  batchId: string;
  status: string;
  /** True when the same file was already being processed: the answer names that batch. */
  joined: boolean;
  warnings?: string[];
}

/** Room for the multipart envelope (boundaries, part headers, option fields) around the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * `POST /imports/:source`: a partner system or an agent sends a file as `multipart/form-data` (field `file`), with the
 * bearer token of any other call. The sender must be allowed to write what the source writes (a current transmission
 * habilitation of its organisation, `IngestRightsService`), else 403 `IMPORT_NOT_HABILITATED` before the body is read.
 * The bytes stream through busboy into the import storage (hashed on the way, never held in memory) and the batch is
 * queued; the answer comes once the file is stored.
 */
@Controller('imports')
export class ImportUploadController {
  private readonly logger = new Logger(ImportUploadController.name);
  private readonly maxBytes: number;

  constructor(
    private readonly submission: ImportSubmissionService,
    private readonly rights: IngestRightsService,
    env: EnvironmentVariables,
  ) {
    this.maxBytes = env.IMPORT_MAX_FILE_MB * 1024 * 1024;
  }

  @Post(':source')
  @HttpCode(HttpStatus.ACCEPTED)
  @Requires(Permission.ImportsSubmit)
  async upload(
    @Param('source') source: string,
    @Req() request: Request & { correlationId?: string },
    @Res({ passthrough: true }) response: Response,
    @CurrentActor() actor: Actor,
  ): Promise<UploadAnswer> {
    if (!isIngestSource(source)) {
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        code: 'UNKNOWN_SOURCE',
        message: `Unknown source "${source.slice(0, 64)}": use one of ${INGEST_SOURCES.join(', ')}`,
        sources: INGEST_SOURCES,
      });
    }
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes + MULTIPART_OVERHEAD_BYTES) {
      throw this.refuse(response, new UploadError(413, 'FILE_TOO_LARGE', this.tooLarge()));
    }
    const correlationId = request.correlationId ?? randomUUID();
    const sender = {
      kind: actor.kind,
      id: actor.id,
      login: actor.login,
      organisationId: actor.organisationId,
    };
    try {
      // Before reading the body: an account that may not write what the source writes gets 403 and nothing is stored.
      await this.rights.authorise(sender, source);
      const { submitted, warnings } = await receiveUpload(request, (file) =>
        this.submission.submit({
          source,
          fileName: file.fileName,
          input: file.stream,
          options: file.options,
          envelope: { correlationId, actor: sender },
        }),
      );
      const { batch, joined } = submitted;
      this.logger.log({ batchId: batch.id, source, joined, actor: actor.login }, 'file received');
      return {
        batchId: batch.id,
        status: batch.status,
        joined,
        ...(warnings.length > 0 ? { warnings } : {}),
      };
    } catch (error) {
      if (error instanceof IngestionException && error.code === IngestionExceptionCode.ImportNotHabilitated) {
        this.logger.warn({ source, actor: actor.login, reason: error.details?.['reason'] }, 'file refused');
        response.setHeader('Connection', 'close');
        throw new ForbiddenException({
          statusCode: 403,
          error: 'Forbidden',
          code: error.code,
          reason: error.details?.['reason'],
          missingCategories: error.details?.['missing'],
          message: error.message,
        });
      }
      if (error instanceof UploadError) {
        throw this.refuse(
          response,
          error.code === 'FILE_TOO_LARGE' ? new UploadError(413, error.code, this.tooLarge()) : error,
        );
      }
      throw error;
    }
  }

  /** The rest of a refused body is not read: the connection is closed after the answer. */
  private refuse(response: Response, error: UploadError): HttpException {
    response.setHeader('Connection', 'close');
    const names = { 400: 'Bad Request', 413: 'Payload Too Large', 415: 'Unsupported Media Type' } as const;
    return new HttpException(
      { statusCode: error.status, error: names[error.status], code: error.code, message: error.message },
      error.status,
    );
  }

  private tooLarge(): string {
    return `The file is larger than ${this.maxBytes / 1024 / 1024} MB (IMPORT_MAX_FILE_MB)`;
  }
}
