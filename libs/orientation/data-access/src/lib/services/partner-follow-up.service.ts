import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { PreparedEntityRead } from '@spie/platform/database';
import { isUuid } from '@spie/shared/kernel';

import { PartnerActionEntity } from '../entities/partner-action.entity';
import { PartnerFollowUpEntity } from '../entities/partner-follow-up.entity';

/** Reads of what partners say of their follow-up of people (written by the ingestion connectors). */
const CURRENT_FOLLOW_UPS = new PreparedEntityRead(
  PartnerFollowUpEntity,
  'f',
  (columns) =>
    `SELECT ${columns} FROM partner_follow_up f
      WHERE f.person_id = ANY($1::uuid[]) AND f.superseded_at IS NULL
      ORDER BY f.partner, f.kind`,
);

@Injectable()
export class PartnerFollowUpService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each person's current follow-ups (one per partner and kind), by partner then kind. */
  async current(personIds: readonly string[]): Promise<Map<string, PartnerFollowUpEntity[]>> {
    const wanted = [...new Set(personIds.filter(isUuid))];
    const result = new Map<string, PartnerFollowUpEntity[]>();
    if (wanted.length === 0) return result;
    const rows = await CURRENT_FOLLOW_UPS.find(this.dataSource, [wanted]);
    for (const row of rows) result.set(row.personId, [...(result.get(row.personId) ?? []), row]);
    return result;
  }

  /** Each person's actions from partners, the latest prescribed first. */
  async actions(personIds: readonly string[]): Promise<Map<string, PartnerActionEntity[]>> {
    const wanted = [...new Set(personIds.filter(isUuid))];
    const result = new Map<string, PartnerActionEntity[]>();
    if (wanted.length === 0) return result;
    const rows = await this.dataSource
      .getRepository(PartnerActionEntity)
      .createQueryBuilder('a')
      .where('a.person_id IN (:...wanted)', { wanted })
      .orderBy('a.prescribed_on', 'DESC', 'NULLS LAST')
      .addOrderBy('a.code', 'ASC')
      .addOrderBy('a.label', 'ASC')
      .getMany();
    for (const row of rows) result.set(row.personId, [...(result.get(row.personId) ?? []), row]);
    return result;
  }
}
