import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';

import type { JobEnvelope } from './queue-names';

type JobActor = JobEnvelope['actor'];

/** Who started a job (an agent, the person, or a system component). */
export class JobActorPayload implements JobActor {
  @IsIn(['agent', 'person', 'system'])
  kind!: 'agent' | 'person' | 'system';

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  id!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  login!: string;

  @IsOptional()
  @IsUUID()
  organisationId!: string | null;
}

/** The fields every job payload carries. */
export abstract class JobEnvelopePayload implements JobEnvelope {
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  correlationId!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => JobActorPayload)
  actor!: JobActorPayload;
}
