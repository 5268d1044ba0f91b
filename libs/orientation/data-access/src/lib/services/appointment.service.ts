import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { isUuid } from '@spie/shared/kernel';

import { AppointmentEntity } from '../entities/appointment.entity';

/** Reads of the appointments partners planned with people (written by the ingestion connectors). */
@Injectable()
export class AppointmentService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Each person's appointments, the soonest first. */
  async ofPersons(personIds: readonly string[]): Promise<Map<string, AppointmentEntity[]>> {
    const wanted = [...new Set(personIds.filter(isUuid))];
    const result = new Map<string, AppointmentEntity[]>();
    if (wanted.length === 0) return result;
    const rows = await this.dataSource.getRepository(AppointmentEntity).find({
      where: { personId: In(wanted) },
      order: { startsAt: 'ASC', externalId: 'ASC' },
    });
    for (const row of rows) result.set(row.personId, [...(result.get(row.personId) ?? []), row]);
    return result;
  }
}
