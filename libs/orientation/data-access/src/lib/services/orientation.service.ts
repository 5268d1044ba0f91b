import { randomUUID } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, QueryFailedError, type EntityManager } from 'typeorm';

import { AgentEntity, OrganisationEntity } from '@spie/organisation/data-access';
import {
  assertOrientationDecision,
  OrientationException,
  OrientationExceptionCode,
  type OrientationType,
} from '@spie/orientation/domain';
import { PersonEntity } from '@spie/person/data-access';
import { PreparedEntityRead, provenanceOf } from '@spie/platform/database';
import { currentCorrelationId } from '@spie/platform/logging';
import { deterministicJobId, JobName, JobQueueService } from '@spie/platform/queue';
import { ReferentielService } from '@spie/referentiel/data-access';
import { ReferentielException } from '@spie/referentiel/domain';
import type { Actor, Provenance } from '@spie/shared/kernel';

import { OrientationEntity } from '../entities/orientation.entity';

export interface OrientInput {
  /** `orientation-type` code: social, socio_pro, pro. */
  type: string;
  structureId: string;
  referentAgentId?: string | null;
  reason?: string | null;
  /** Date of the department's decision; now by default. */
  decidedAt?: Date | null;
}

/** Advisory-lock class for orientation decisions (the object is the person): one decision at a time per person. */
const ORIENTATION_LOCK_CLASS = 52003;

const CURRENT_ORIENTATIONS = new PreparedEntityRead(
  OrientationEntity,
  'o',
  (columns) =>
    `SELECT ${columns} FROM orientation o WHERE o.person_id = ANY($1::uuid[]) AND o.superseded_at IS NULL`,
);

/**
 * The department's orientation decisions. A decision supersedes the current one (the history is kept, and the unique
 * partial index guarantees a single current orientation); once committed, the person's parcours status is recomputed.
 */
@Injectable()
export class OrientationService {
  private readonly logger = new Logger(OrientationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly referentiel: ReferentielService,
    private readonly jobs: JobQueueService,
  ) {}

  async orient(
    personId: string,
    input: OrientInput,
    provenance: Provenance,
    actor: Actor,
  ): Promise<OrientationEntity> {
    const now = provenance.recordedAt;
    const orientation = await this.dataSource
      .transaction(async (em) => {
        await em.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ORIENTATION_LOCK_CLASS, personId]);
        if (!(await em.getRepository(PersonEntity).exists({ where: { id: personId } }))) {
          throw new OrientationException(OrientationExceptionCode.PersonNotFound, 'Person not found');
        }
        const referentAgentId = input.referentAgentId ?? null;
        const [structure, referent] = await Promise.all([
          em
            .getRepository(OrganisationEntity)
            .findOne({ select: { id: true }, where: { id: input.structureId } }),
          referentAgentId
            ? em.getRepository(AgentEntity).findOne({
                select: { id: true, organisationId: true, active: true },
                where: { id: referentAgentId },
              })
            : Promise.resolve(null),
        ]);
        const decidedAt = input.decidedAt ?? now;
        assertOrientationDecision({
          type: input.type,
          structureId: input.structureId,
          structure,
          referentAgentId,
          referent,
          decidedAt,
          now,
        });
        await this.assertTypeOpen(input.type, em);
        const repository = em.getRepository(OrientationEntity);
        await repository.update({ personId, supersededAt: IsNull() }, { supersededAt: now });
        return repository.save(
          repository.create({
            personId,
            type: input.type as OrientationType,
            structureId: input.structureId,
            referentAgentId,
            decidedAt,
            decidedByAgentId: actor.kind === 'agent' ? actor.id : null,
            reason: input.reason?.trim() || null,
            supersededAt: null,
            provenance: provenanceOf(provenance),
          }),
        );
      })
      .catch((error: unknown) => {
        if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
          throw new OrientationException(
            OrientationExceptionCode.ConcurrentOrientation,
            'The person was oriented at the same time',
          );
        }
        throw error;
      });
    await this.requestParcoursRecompute(personId, actor, provenance);
    return orientation;
  }

  /** Each person's current orientation. */
  async current(personIds: readonly string[]): Promise<Map<string, OrientationEntity>> {
    if (personIds.length === 0) return new Map();
    const rows = await CURRENT_ORIENTATIONS.find(this.dataSource, [personIds]);
    return new Map(rows.map((row) => [row.personId, row]));
  }

  /** Each person's orientations, newest first (the current one, then in the order they were superseded). */
  async histories(personIds: readonly string[]): Promise<Map<string, OrientationEntity[]>> {
    const result = new Map<string, OrientationEntity[]>();
    if (personIds.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(OrientationEntity)
      .createQueryBuilder('o')
      .where('o.person_id IN (:...personIds)', { personIds: [...personIds] })
      .orderBy('o.superseded_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('o.recorded_at', 'DESC')
      .addOrderBy('o.decided_at', 'DESC')
      .getMany();
    for (const row of rows) {
      const list = result.get(row.personId);
      if (list) list.push(row);
      else result.set(row.personId, [row]);
    }
    return result;
  }

  async history(personId: string): Promise<OrientationEntity[]> {
    return (await this.histories([personId])).get(personId) ?? [];
  }

  private async assertTypeOpen(type: string, em: EntityManager): Promise<void> {
    try {
      await this.referentiel.assertCodes('orientation-type', [type], { forNewData: true, manager: em });
    } catch (error) {
      if (error instanceof ReferentielException) {
        throw new OrientationException(
          OrientationExceptionCode.InvalidOrientationType,
          error.message,
          error.details,
        );
      }
      throw error;
    }
  }

  /**
   * After commit: the parcours status depends on the orientation. Deduplicated per person while waiting. A queue
   * outage does not undo a committed decision: it is logged with the correlation id for a replay.
   */
  private async requestParcoursRecompute(
    personId: string,
    actor: Actor,
    provenance: Provenance,
  ): Promise<void> {
    const correlationId = currentCorrelationId() ?? provenance.sourceRef ?? randomUUID();
    try {
      await this.jobs.enqueue(
        JobName.RecomputeParcoursStatus,
        {
          personId,
          reason: 'orientation',
          correlationId,
          actor: { kind: actor.kind, id: actor.id, login: actor.login, organisationId: actor.organisationId },
        },
        { deduplicationId: deterministicJobId('parcours', personId) },
      );
    } catch (error) {
      this.logger.error(
        { err: error, correlationId, job: JobName.RecomputeParcoursStatus },
        'could not enqueue the parcours recompute',
      );
    }
  }
}
