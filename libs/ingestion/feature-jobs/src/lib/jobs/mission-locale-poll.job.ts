import { Injectable, Logger } from '@nestjs/common';

import { ImportSubmissionService } from '@spie/ingestion/data-access';
import { IngestionException, IngestionExceptionCode } from '@spie/ingestion/domain';
import { JobHandler, JobName, type HandlesJob, type JobPayload } from '@spie/platform/queue';

import { ImiloClientProvider } from '../imilo-client.provider';
import { eventsFile } from '../sources/mission-locale.source';
import { MissionLocalePollPayload } from './ingest-payloads';

/**
 * Polls the i-Milo event queue (every 15 minutes, like pass-emploi): the pending events become a `mission-locale`
 * batch sent by the payload's actor (the mission locale's technical account), one apply job per event. Events stay
 * pending at i-Milo until applied, so a poll that repeats one joins or re-applies it harmlessly, and a poll refused
 * for want of rights loses nothing.
 */
@Injectable()
@JobHandler(JobName.MissionLocalePoll, { payload: MissionLocalePollPayload })
export class MissionLocalePollJob implements HandlesJob<JobName.MissionLocalePoll> {
  private readonly logger = new Logger(MissionLocalePollJob.name);

  constructor(
    private readonly client: ImiloClientProvider,
    private readonly submission: ImportSubmissionService,
  ) {}

  async handle(payload: JobPayload<JobName.MissionLocalePoll>): Promise<unknown> {
    const imilo = this.client.client;
    if (!imilo) return { skipped: 'IMILO_URL is not configured' };
    const events = await imilo.listEvents();
    if (events.length === 0) return { events: 0 };
    try {
      const { batch, joined } = await this.submission.submit({
        source: 'mission-locale',
        fileName: `imilo-events-${new Date().toISOString()}.json`,
        input: eventsFile(events),
        envelope: payload,
      });
      return { events: events.length, batchId: batch.id, joined };
    } catch (error) {
      if (
        !(error instanceof IngestionException) ||
        error.code !== IngestionExceptionCode.ImportNotHabilitated
      )
        throw error;
      this.logger.warn({ actor: payload.actor.login, reason: error.details?.['reason'] }, error.message);
      return { events: events.length, refused: error.details?.['reason'] };
    }
  }
}
