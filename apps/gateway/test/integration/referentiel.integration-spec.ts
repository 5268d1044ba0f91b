import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { HouseholdRightsService } from '@spie/household-rights/data-access';
import { HUB_ENTITIES } from '@spie/ops/schema';
import { hubDataSourceOptions, runMigrationsUnderLock } from '@spie/platform/database';
import { ReferentielService } from '@spie/referentiel/data-access';
import { REFERENTIEL_V1, type ReferentielVersionSeed } from '@spie/referentiel/domain';
import {
  buildAgent,
  buildAgentWithOrganisation,
  buildOrganisation,
  buildPerson,
  placeInTerritory,
  testProvenance,
} from '@spie/shared/testing';

import { createTestGateway, type TestGateway } from '../support/test-gateway';

const CHANGED_SITUATION = 'logement.difficulte_a_payer_le_loyer';
const CHANGED_SITUATION_LABEL = 'Difficulté à payer le loyer ou les charges';
const REMOVED_SITUATION = 'logement.autre_type_de_logement_hotel';
const CHANGED_ORIENTATION_LABEL = 'Socio-professionnel (accompagnement global)';

/** Version 2026.2: one situation relabelled, one situation removed, one orientation type relabelled. */
function referentielV2(publishedAt: string): ReferentielVersionSeed {
  const seed = structuredClone(REFERENTIEL_V1);
  seed.version = '2026.2';
  seed.publishedAt = publishedAt;
  seed.description = 'Test version: a relabelled situation and orientation type, a closed situation';
  const situations = seed.lists.find((list) => list.code === 'situation')!;
  situations.entries = situations.entries
    .filter((entry) => entry.code !== REMOVED_SITUATION)
    .map((entry) =>
      entry.code === CHANGED_SITUATION ? { ...entry, label: CHANGED_SITUATION_LABEL } : entry,
    );
  const orientationTypes = seed.lists.find((list) => list.code === 'orientation-type')!;
  orientationTypes.entries = orientationTypes.entries.map((entry) =>
    entry.code === 'socio_pro' ? { ...entry, label: CHANGED_ORIENTATION_LABEL } : entry,
  );
  return seed;
}

function v1Entry(list: string, code: string) {
  const entry = REFERENTIEL_V1.lists.find((l) => l.code === list)?.entries.find((e) => e.code === code);
  if (!entry) throw new Error(`${list}/${code} is not in REFERENTIEL_V1`);
  return entry;
}

interface EntryOut {
  code: string;
  label: string;
  validTo: string | null;
  lastChangedIn: string;
}

/**
 * This file loads a second référentiel version, which changes what every other test would read: it runs on its own
 * database (migrated and loaded with 2026.1 here), with the real gateway pointed at it.
 */
describe('référentiel', () => {
  const database = `spie_test_referentiel_${process.pid}`;
  const sharedUrl = process.env['DATABASE_URL'] as string;
  let gateway: TestGateway;

  beforeAll(async () => {
    const admin = new Client({ connectionString: sharedUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(sharedUrl);
    url.pathname = `/${database}`;
    const setup = await new DataSource(
      hubDataSourceOptions({
        url: url.toString(),
        entities: HUB_ENTITIES,
        applicationName: 'referentiel-spec-setup',
      }),
    ).initialize();
    try {
      await runMigrationsUnderLock(setup);
      await new ReferentielService(setup).load(REFERENTIEL_V1);
    } finally {
      await setup.destroy();
    }
    process.env['DATABASE_URL'] = url.toString();
    gateway = await createTestGateway();
  });

  afterAll(async () => {
    await gateway?.close();
    process.env['DATABASE_URL'] = sharedUrl;
    const admin = new Client({ connectionString: sharedUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  });

  it('should return the 16 themes and 88 situations to an anonymous caller', async () => {
    const response = await gateway.graphql<{
      referentiel: {
        version: string;
        publishedAt: string;
        versions: Array<{ version: string }>;
        lists: Array<{
          code: string;
          label: string;
          parentList: string | null;
          entries: Array<{ code: string; parentCode: string | null }>;
        }>;
      };
    }>(
      `{ referentiel { version publishedAt versions { version }
          lists(codes: ["situation", "theme"]) { code label parentList entries { code parentCode } } } }`,
      {},
      { as: null },
    );
    expect(response.errors).toBeUndefined();
    const referentiel = response.data!.referentiel;
    expect({
      version: referentiel.version,
      publishedAt: referentiel.publishedAt,
      versions: referentiel.versions,
    }).toEqual({
      version: '2026.1',
      publishedAt: REFERENTIEL_V1.publishedAt,
      versions: [{ version: '2026.1' }],
    });
    expect(referentiel.lists.map((list) => [list.code, list.parentList, list.entries.length])).toEqual([
      ['situation', 'theme', 88],
      ['theme', null, 16],
    ]);
    const situations = referentiel.lists[0]!.entries;
    expect(situations[0]).toEqual({ code: 'logement.autre_type_de_logement_hotel', parentCode: 'logement' });
  });

  it('should expose external codes and attributes when an entry is read', async () => {
    const response = await gateway.graphql<{
      referentielEntry: {
        label: string;
        externalCodes: Array<{ system: string; code: string }>;
        attributes: Array<{ key: string; value: string }>;
        attributesJson: string;
        introducedIn: string;
        history: Array<{ version: string; label: string }>;
      } | null;
      unknown: unknown;
    }>(
      `{ referentielEntry(list: "etat-dossier-rsa", code: "3") {
          label externalCodes { system code } attributes { key value } attributesJson introducedIn history { version label } }
        unknown: referentielEntry(list: "etat-dossier-rsa", code: "9") { code } }`,
      {},
      { as: null },
    );
    expect(response.errors).toBeUndefined();
    const entry = response.data!.referentielEntry!;
    expect(entry.label).toBe(v1Entry('etat-dossier-rsa', '3').label);
    expect(entry.externalCodes).toEqual([{ system: 'carnetDeBord', code: 'rsa_droit_ouvert_et_suspendu' }]);
    expect(entry.attributes).toEqual(
      expect.arrayContaining([
        { key: 'status', value: 'open_suspended' },
        { key: 'rightOpen', value: 'true' },
        { key: 'detectionRank', value: '4' },
      ]),
    );
    expect(JSON.parse(entry.attributesJson)).toMatchObject({
      status: 'open_suspended',
      rightOpen: true,
      detectionRank: 4,
    });
    expect(entry.introducedIn).toBe('2026.1');
    expect(entry.history).toEqual([{ version: '2026.1', label: entry.label }]);
    expect(response.data!.unknown).toBeNull();
  });

  it('should keep person data intact and the old labels in the history when a new version is loaded', async () => {
    // Person data written under 2026.1: an orientation (through the API) and a CAF household with its right.
    const { agent } = await buildAgentWithOrganisation(gateway.dataSource, { roles: ['orientation'] });
    const structure = await buildOrganisation(gateway.dataSource, { type: 'association' });
    const referent = await buildAgent(gateway.dataSource, { organisationId: structure.id });
    const person = await buildPerson(gateway.dataSource);
    await placeInTerritory(gateway.dataSource, { personId: person.id });
    const oriented = await gateway.graphql(
      `mutation($input: OrientPersonInput!) { orientPerson(input: $input) { id typeLabel } }`,
      {
        input: {
          personId: person.id,
          type: 'socio_pro',
          structureId: structure.id,
          referentAgentId: referent.id,
        },
      },
      { as: agent.login },
    );
    expect(oriented.errors).toBeUndefined();
    expect(oriented.data).toEqual({
      orientPerson: { id: expect.any(String), typeLabel: 'Socio-professionnel' },
    });
    const households = gateway.app.get(HouseholdRightsService);
    const { household } = await households.upsertHousehold(
      {
        organisme: 'caf',
        matricule: `R${process.pid}`,
        departmentCode: '052',
        familySituation: 'CEL',
        referenceAt: '2026-02-01',
      },
      testProvenance({ source: 'caf' }),
    );
    await households.setMembers(
      household.id,
      [{ personId: person.id, role: 'DEM' }],
      testProvenance({ source: 'caf' }),
      '2026-02-01',
    );
    await households.recordRightStatus(
      {
        householdId: household.id,
        referenceMonth: '2026-02-01',
        etatDossier: '4',
        suspensionReason: '06',
        suspendedOn: '2026-02-03',
      },
      testProvenance({ source: 'caf' }),
    );
    const snapshot = async () => ({
      person: await gateway.dataSource.query('SELECT * FROM person WHERE id = $1', [person.id]),
      orientation: await gateway.dataSource.query(
        'SELECT * FROM orientation WHERE person_id = $1 ORDER BY id',
        [person.id],
      ),
      household: await gateway.dataSource.query('SELECT * FROM household WHERE id = $1', [household.id]),
      members: await gateway.dataSource.query(
        'SELECT * FROM household_member WHERE household_id = $1 ORDER BY id',
        [household.id],
      ),
      rights: await gateway.dataSource.query(
        'SELECT * FROM rsa_right_status WHERE household_id = $1 ORDER BY id',
        [household.id],
      ),
    });
    const before = await snapshot();
    expect(before.orientation).toHaveLength(1);
    expect(before.rights).toHaveLength(1);

    const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
    const report = await gateway.app.get(ReferentielService).load(referentielV2(yesterday));
    expect(report).toEqual({ version: '2026.2', status: 'loaded', added: 0, changed: 2, closed: 1 });

    // (c) The rows written before are byte for byte the same; the API shows the codes with the new labels.
    expect(await snapshot()).toEqual(before);
    const read = await gateway.graphql<{
      person: {
        orientation: { type: string; typeLabel: string };
        rsa: { status: string; suspensionReason: string; suspensionReasonLabel: string };
      };
    }>(
      `query($id: ID!) { person(id: $id) { orientation { type typeLabel } rsa { status suspensionReason suspensionReasonLabel } } }`,
      { id: person.id },
      { as: agent.login },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.person).toEqual({
      orientation: { type: 'socio_pro', typeLabel: CHANGED_ORIENTATION_LABEL },
      rsa: {
        status: 'suspended_payment',
        suspensionReason: '06',
        suspensionReasonLabel: v1Entry('motif-suspension-rsa', '06').label,
      },
    });

    // (a) The relabelled entry keeps both labels, newest first.
    const changed = await gateway.graphql<{
      referentielEntry: EntryOut & {
        history: Array<{ version: string; label: string; validTo: string | null }>;
      };
    }>(
      `{ referentielEntry(list: "situation", code: "${CHANGED_SITUATION}") { code label validTo lastChangedIn history { version label validTo } } }`,
      {},
      { as: null },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.referentielEntry).toEqual({
      code: CHANGED_SITUATION,
      label: CHANGED_SITUATION_LABEL,
      validTo: null,
      lastChangedIn: '2026.2',
      history: [
        { version: '2026.2', label: CHANGED_SITUATION_LABEL, validTo: null },
        { version: '2026.1', label: v1Entry('situation', CHANGED_SITUATION).label, validTo: null },
      ],
    });

    // (b) The removed entry is closed: no longer offered, still readable with includeClosed and by code.
    const lists = await gateway.graphql<{
      referentiel: {
        version: string;
        versions: Array<{ version: string }>;
        lists: Array<{ open: EntryOut[]; all: EntryOut[] }>;
      };
      removed: EntryOut | null;
    }>(
      `{ referentiel { version versions { version } lists(codes: ["situation"]) {
            open: entries { code label validTo lastChangedIn }
            all: entries(includeClosed: true) { code label validTo lastChangedIn } } }
         removed: referentielEntry(list: "situation", code: "${REMOVED_SITUATION}") { code label validTo lastChangedIn } }`,
      {},
      { as: null },
    );
    expect(lists.errors).toBeUndefined();
    expect(lists.data?.referentiel.version).toBe('2026.2');
    expect(lists.data?.referentiel.versions).toEqual([{ version: '2026.2' }, { version: '2026.1' }]);
    const [situations] = lists.data!.referentiel.lists;
    expect(situations!.open).toHaveLength(87);
    expect(situations!.open.map((entry) => entry.code)).not.toContain(REMOVED_SITUATION);
    expect(situations!.all).toHaveLength(88);
    const closed = {
      code: REMOVED_SITUATION,
      label: v1Entry('situation', REMOVED_SITUATION).label,
      validTo: yesterday,
      lastChangedIn: '2026.2',
    };
    expect(situations!.all.find((entry) => entry.code === REMOVED_SITUATION)).toEqual(closed);
    expect(lists.data?.removed).toEqual(closed);
  });

  it('should record no change and no revision when a later version repeats the same entries', async () => {
    const service = gateway.app.get(ReferentielService);
    const current = await service.currentVersion();
    expect(current).toBe('2026.2');
    const repeat = {
      ...referentielV2(new Date().toISOString().slice(0, 10)),
      version: '2026.3',
      description: 'Same entries',
    };
    expect(await service.load(repeat)).toEqual({
      version: '2026.3',
      status: 'loaded',
      added: 0,
      changed: 0,
      closed: 0,
    });
    expect(await service.load(repeat)).toEqual({
      version: '2026.3',
      status: 'already_loaded',
      added: 0,
      changed: 0,
      closed: 0,
    });
    const entry = await gateway.graphql<{
      referentielEntry: { lastChangedIn: string; history: Array<{ version: string }> };
    }>(
      `{ referentielEntry(list: "etat-dossier-rsa", code: "0") { lastChangedIn history { version } } }`,
      {},
      { as: null },
    );
    expect(entry.data?.referentielEntry).toEqual({
      lastChangedIn: '2026.1',
      history: [{ version: '2026.1' }],
    });
  });
});
