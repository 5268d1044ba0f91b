import type { DataSource } from 'typeorm';

import { AgentEntity, OrganisationEntity } from '@spie/organisation/data-access';

export interface DemoSeedOptions {
  /** Settings holding the NIR keys (the seed encrypts NIRs like any writer). */
  env: { NIR_ENCRYPTION_KEY: string; NIR_HMAC_KEY: string };
  persons?: number;
  log?: (message: string) => void;
}

export interface DemoSeedReport {
  status: 'seeded' | 'already_seeded';
  organisations: number;
  agents: number;
  persons: number;
}

/** Placeholder: organisations and agents of department 052 (the full dataset is built in demo-dataset.ts). */
export async function seedDemoData(dataSource: DataSource, _options: DemoSeedOptions): Promise<DemoSeedReport> {
  const organisations = dataSource.getRepository(OrganisationEntity);
  let cd52 = await organisations.findOne({ where: { siret: '22520001500016' } });
  if (!cd52) {
    cd52 = await organisations.save(
      organisations.create({ type: 'department', name: 'Conseil départemental de la Haute-Marne', siret: '22520001500016', departmentCode: '052', territory: [] }),
    );
  }
  const agents = dataSource.getRepository(AgentEntity);
  if (!(await agents.findOne({ where: { login: 'cd52-orientation' } }))) {
    await agents.save(agents.create({ login: 'cd52-orientation', organisationId: cd52.id, givenName: 'Claire', usualName: 'Orientation', roles: ['orientation'], email: 'orientation@haute-marne.fr' }));
  }
  return { status: 'seeded', organisations: 1, agents: 1, persons: 0 };
}
