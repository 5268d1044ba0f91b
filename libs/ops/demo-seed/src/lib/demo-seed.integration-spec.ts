import { Client } from 'pg';
import { DataSource, IsNull, Not } from 'typeorm';

import { ContractVersionEntity } from '@spie/contract/data-access';
import { contractContentHash } from '@spie/contract/domain';
import { AgentEntity } from '@spie/organisation/data-access';
import { HUB_ENTITIES } from '@spie/ops/schema';
import { PersonService, NirCipherService } from '@spie/person/data-access';
import { parseNir } from '@spie/person/domain';
import type { EnvironmentVariables } from '@spie/platform/config';
import { hubDataSourceOptions, runMigrationsUnderLock } from '@spie/platform/database';
import { ReferentielService } from '@spie/referentiel/data-access';
import { REFERENTIEL_V1 } from '@spie/referentiel/domain';

import { DEMO_AGENTS } from './demo-catalog';
import { seedDemoData, type DemoSeedReport } from './demo-seed';

const TABLES = [
  'organisation',
  'agent',
  'person',
  'person_history',
  'person_identifier',
  'household',
  'household_member',
  'rsa_right_status',
  'orientation',
  'diagnostic',
  'diagnostic_item',
  'diagnostic_project',
  'contract',
  'contract_version',
  'contract_objective',
  'contract_action',
  'contract_action_status',
  'contract_event',
  'appointment',
  'person_parcours_status',
];

/** The seed runs on its own database (migrated, with the référentiel) so that its counts are exact. */
describe('demo seed of department 052', () => {
  const env = {
    NIR_ENCRYPTION_KEY: process.env['NIR_ENCRYPTION_KEY'] as string,
    NIR_HMAC_KEY: process.env['NIR_HMAC_KEY'] as string,
  };
  const database = `spie_demo_seed_${process.pid}`;
  let admin: Client;
  let dataSource: DataSource;
  let first: DemoSeedReport;
  let countsAfterFirst: Record<string, number>;

  const tableCounts = async () => {
    const counts: Record<string, number> = {};
    for (const table of TABLES)
      counts[table] = Number(
        ((await dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as Array<{ n: string }>)[0]?.n,
      );
    return counts;
  };

  beforeAll(async () => {
    admin = new Client({ connectionString: process.env['DATABASE_URL'] });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    const url = new URL(process.env['DATABASE_URL'] as string);
    url.pathname = `/${database}`;
    dataSource = await new DataSource(
      hubDataSourceOptions({
        url: url.toString(),
        entities: HUB_ENTITIES,
        applicationName: 'spie-test-demo-seed',
      }),
    ).initialize();
    await runMigrationsUnderLock(dataSource);
    await new ReferentielService(dataSource).load(REFERENTIEL_V1);
    first = await seedDemoData(dataSource, { env });
    countsAfterFirst = await tableCounts();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await admin?.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin?.end();
  });

  it('should seed 300 people in households, the structures and the accounts by default', () => {
    expect(first).toMatchObject({
      status: 'seeded',
      organisations: 9,
      agents: DEMO_AGENTS.length,
      persons: 300,
    });
    expect(first.households).toBeGreaterThan(100);
    expect(countsAfterFirst['person']).toBe(300);
    expect(countsAfterFirst['appointment']).toBeGreaterThan(0);
  });

  it('should report already_seeded and change no row when run again', async () => {
    const second = await seedDemoData(dataSource, { env });
    expect(second.status).toBe('already_seeded');
    expect({ ...second, status: 'seeded', durationMs: 0 }).toEqual({ ...first, durationMs: 0 });
    expect(await tableCounts()).toEqual(countsAfterFirst);
  });

  it('should hold every ETATDOSRSA from 0 to 6, each also as the current state of some household', async () => {
    const rows = (await dataSource.query(
      'SELECT DISTINCT etat_dossier FROM rsa_right_status ORDER BY 1',
    )) as Array<{ etat_dossier: string }>;
    expect(rows.map((row) => row.etat_dossier)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(Object.keys(first.rightStates).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
  });

  it('should give suspension and closure reasons from the référentiel to suspended and closed rights', async () => {
    const [unknown] = (await dataSource.query(
      `SELECT count(*) AS n FROM rsa_right_status r
        WHERE (r.etat_dossier IN ('3', '4') AND NOT EXISTS (SELECT 1 FROM code_list_entry e WHERE e.list_code = 'motif-suspension-rsa' AND e.code = r.suspension_reason))
           OR (r.etat_dossier IN ('5', '6') AND NOT EXISTS (SELECT 1 FROM code_list_entry e WHERE e.list_code = 'motif-cloture-rsa' AND e.code = r.closure_reason))`,
    )) as Array<{ n: string }>;
    expect(Number(unknown?.n)).toBe(0);
  });

  it('should create every demo login with its roles', async () => {
    const agents = await dataSource.getRepository(AgentEntity).find();
    const byLogin = new Map(agents.map((agent) => [agent.login, agent]));
    expect(byLogin.get('cd52-orientation')?.roles).toEqual(['orientation']);
    expect(byLogin.get('cd52-referent')?.roles).toEqual(['referent']);
    expect(byLogin.get('ft-conseiller')?.roles).toEqual(['adviser', 'referent']);
    expect(byLogin.get('ml-conseiller')?.roles).toEqual(['adviser', 'referent']);
    expect(byLogin.get('caf-connector')?.roles).toEqual(['connector']);
    expect(byLogin.get('dpo')?.roles).toEqual(['dpo']);
    expect(byLogin.get('hub-admin')?.roles).toEqual(['admin']);
    for (const spec of DEMO_AGENTS) expect(byLogin.has(spec.login)).toBe(true);
  });

  it('should give people in every parcours stage, with new entrants past the 15- and 30-day marks', async () => {
    expect(Object.keys(first.stages).sort()).toEqual([
      'closed',
      'in_contract',
      'oriented',
      'rights_pending',
      'suspended',
      'to_orient',
      'unknown',
    ]);
    const waiting = (await dataSource.query(
      `SELECT days_to_orientation AS days FROM person_parcours_status WHERE stage = 'to_orient' AND right_opened_on > now() - interval '46 days'`,
    )) as Array<{ days: number }>;
    expect(waiting.some((row) => row.days < 15)).toBe(true);
    expect(waiting.some((row) => row.days > 15 && row.days <= 30)).toBe(true);
    expect(waiting.some((row) => row.days > 30)).toBe(true);
  });

  it('should store NIRs encrypted and decryptable, most of them, some from a 13-character CAF NIR', async () => {
    const [nirs] = (await dataSource.query(
      `SELECT count(*) FILTER (WHERE nir_hash IS NOT NULL) AS with_nir, count(*) FILTER (WHERE nir_key_computed) AS computed, count(*) AS total FROM person`,
    )) as Array<{ with_nir: string; computed: string; total: string }>;
    expect(Number(nirs?.with_nir) / Number(nirs?.total)).toBeGreaterThan(0.8);
    expect(Number(nirs?.computed)).toBeGreaterThan(0);
    const [sample] = (await dataSource.query(
      'SELECT id FROM person WHERE nir_hash IS NOT NULL LIMIT 1',
    )) as Array<{ id: string }>;
    const people = new PersonService(dataSource, new NirCipherService(env as EnvironmentVariables));
    expect(parseNir(await people.revealNir(sample?.id as string)).ok).toBe(true);
  });

  it('should sign contract versions with the hash of their stored content', async () => {
    const versions = await dataSource.getRepository(ContractVersionEntity).find({
      where: { signedAt: Not(IsNull()) },
      relations: { objectives: { actions: true } },
    });
    expect(versions.length).toBeGreaterThan(30);
    for (const version of versions) {
      const objectives = [...(version.objectives ?? [])].sort((a, b) => a.position - b.position);
      const content = {
        startDate: version.startDate,
        endDate: version.endDate,
        objectives: objectives.map((objective) => ({
          themeCode: objective.themeCode,
          code: objective.code,
          label: objective.label,
          actions: [...(objective.actions ?? [])]
            .sort((a, b) => a.position - b.position)
            .map((action) => ({ code: action.code, label: action.label, dueDate: action.dueDate })),
        })),
      };
      expect(version.contentHash).toBe(contractContentHash(content));
    }
  });

  it('should record the provenance of every fact as the demo seed', async () => {
    for (const table of [
      'person_history',
      'person_identifier',
      'household_member',
      'rsa_right_status',
      'orientation',
      'diagnostic',
      'contract_version',
      'contract_event',
    ]) {
      const [row] = (await dataSource.query(
        `SELECT count(*) FILTER (WHERE source_ref <> 'demo-seed' OR recorded_by <> 'demo-seed') AS n FROM ${table}`,
      )) as Array<{ n: string }>;
      expect({ table, others: Number(row?.n) }).toEqual({ table, others: 0 });
    }
  });

  it('should give CAF dossier identifiers with the household role and identifiers at France Travail and the mission locale', async () => {
    const rows = (await dataSource.query('SELECT system, value, qualifier FROM person_identifier')) as Array<{
      system: string;
      value: string;
      qualifier: string | null;
    }>;
    const caf = rows.filter((row) => row.system === 'caf_dossier');
    expect(caf.length).toBeGreaterThan(50);
    expect(caf.every((row) => /^521:\d{7}$/.test(row.value) && row.qualifier === 'DEM')).toBe(true);
    expect(new Set(rows.map((row) => row.system))).toEqual(
      new Set(['caf_dossier', 'msa_dossier', 'france_travail', 'mission_locale_imilo', 'department_si']),
    );
  });
});
