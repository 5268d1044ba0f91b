import { DataSource } from 'typeorm';

import { PersonExceptionCode } from '@spie/person/domain';
import type { EnvironmentVariables } from '@spie/platform/config';
import { hubDataSourceOptions } from '@spie/platform/database';

import { PersonHistoryEntity } from '../entities/person-history.entity';
import { PERSON_ENTITIES } from '../person.entities';
import { NirCipherService } from './nir-cipher.service';
import { PersonService } from './person.service';

const provenance = (recordedBy: string) => ({
  source: 'caf' as const,
  sourceRef: `batch-${recordedBy}`,
  recordedAt: new Date(),
  recordedBy,
});

describe('PersonService on PostgreSQL', () => {
  let dataSource: DataSource;
  let service: PersonService;

  beforeAll(async () => {
    dataSource = await new DataSource(
      hubDataSourceOptions({
        url: process.env['DATABASE_URL'] as string,
        entities: PERSON_ENTITIES,
        applicationName: 'person-spec',
      }),
    ).initialize();
    service = new PersonService(
      dataSource,
      new NirCipherService(process.env as unknown as EnvironmentVariables),
    );
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('should keep the previous value and the provenance when a value changes', async () => {
    const person = await service.create(
      { lastName: 'Bernard', firstNames: ['Inès'], birthDate: '1985-02-03' },
      provenance('first'),
    );
    const changed = await service.update(
      person.id,
      { lastName: 'Bernard-Petit', phone: '0612345678' },
      provenance('second'),
    );
    expect(changed.sort()).toEqual(['lastName', 'phone']);
    const rows = await dataSource
      .getRepository(PersonHistoryEntity)
      .find({ where: { personId: person.id, field: 'lastName' } });
    const values = rows.map((row) => [
      row.previousValue,
      row.newValue,
      row.provenance.recordedBy,
      row.provenance.sourceRef,
    ]);
    expect(values).toEqual(
      expect.arrayContaining([
        [null, 'Bernard', 'first', 'batch-first'],
        ['Bernard', 'Bernard-Petit', 'second', 'batch-second'],
      ]),
    );
  });

  it('should write nothing when the same values are sent again', async () => {
    const person = await service.create({ lastName: 'Roux', firstNames: ['Marc'] }, provenance('a'));
    const before = await dataSource
      .getRepository(PersonHistoryEntity)
      .count({ where: { personId: person.id } });
    expect(
      await service.update(person.id, { lastName: ' Roux ', firstNames: ['Marc'] }, provenance('b')),
    ).toEqual([]);
    expect(
      await dataSource.getRepository(PersonHistoryEntity).count({ where: { personId: person.id } }),
    ).toBe(before);
  });

  it('should store the NIR encrypted and find it by its 13-character base', async () => {
    const person = await service.create(
      { lastName: 'Lefèvre', firstNames: ['Anne'], nir: '269054958815780' },
      provenance('a'),
    );
    const [raw] = (await dataSource.query('SELECT nir_encrypted, nir_hash FROM person WHERE id = $1', [
      person.id,
    ])) as Array<{
      nir_encrypted: string;
      nir_hash: string;
    }>;
    expect(raw?.nir_encrypted).not.toContain('2690549588157');
    expect(raw?.nir_hash).not.toContain('2690549588157');
    expect(await service.revealNir(person.id)).toBe('269054958815780');
    expect(await service.findIdByNir('2690549588157')).toBe(person.id);
  });

  it('should refuse a NIR that already belongs to someone else', async () => {
    await service.create({ lastName: 'Garcia', firstNames: ['Luis'], nir: '1750599123456' }, provenance('a'));
    await expect(
      service.create({ lastName: 'Autre', firstNames: ['Personne'], nir: '1750599123456' }, provenance('b')),
    ).rejects.toMatchObject({ code: PersonExceptionCode.NirAlreadyKnown });
  });

  it('should refuse a NIR whose key is wrong', async () => {
    await expect(
      service.create({ lastName: 'Faux', firstNames: ['Nir'], nir: '269054958815781' }, provenance('a')),
    ).rejects.toMatchObject({ code: PersonExceptionCode.InvalidNir });
  });
});
