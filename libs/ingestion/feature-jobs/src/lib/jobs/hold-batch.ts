import type { Logger } from '@nestjs/common';

import type { ImportBatchEntity, ImportBatchService } from '@spie/ingestion/data-access';
import { STARTER_RIGHTS_REVOKED, type ImportRights } from '@spie/ingestion/domain';

/**
 * Holds a batch whose acting agent lost the rights its source needs (habilitation revoked or expired, account
 * disabled, roles changed): the job writes nothing, staged chunks and the raw file stay, and `spie imports replay`
 * by an account with the rights resumes it.
 */
export async function holdBatch(
  batches: ImportBatchService,
  logger: Logger,
  batch: ImportBatchEntity,
  rights: Extract<ImportRights, { allowed: false }>,
): Promise<{ held: string; reason: string }> {
  const message =
    `${batch.actingLogin ?? 'The sender of this batch'} may no longer send ${batch.source} files ` +
    `(${rights.code}: ${rights.message}); nothing more was written. Replay the batch with an account that may ` +
    '(spie imports replay <batch> --as <login>).';
  const held = await batches.hold(batch.id, STARTER_RIGHTS_REVOKED, message);
  if (held) logger.warn({ batchId: batch.id, reason: rights.code, actor: batch.actingLogin }, 'batch held');
  return { held: STARTER_RIGHTS_REVOKED, reason: rights.code };
}
