import { parseNir } from '@spie/person/domain';
import { REFERENTIEL_V1 } from '@spie/referentiel/domain';

import { DEMO_AGENTS, DEMO_ORGANISATIONS } from './demo-catalog';
import { buildDemoDataset, DEMO_SCENARIOS, demoNirKey, type DemoDataset } from './demo-dataset';

const TODAY = new Date('2026-06-15T09:00:00Z');
const codesOf = (list: string) =>
  new Set(REFERENTIEL_V1.lists.find((l) => l.code === list)?.entries.map((e) => e.code));

describe('buildDemoDataset', () => {
  let dataset: DemoDataset;

  beforeAll(() => {
    dataset = buildDemoDataset({ persons: 300, today: TODAY });
  });

  it('should build the same dataset when the options are the same', () => {
    expect(buildDemoDataset({ persons: 300, today: TODAY })).toEqual(dataset);
  });

  it('should build another dataset when the seed differs', () => {
    const other = buildDemoDataset({ persons: 300, today: TODAY, seed: 'another seed' });
    expect(other.persons.map((p) => p.identity.lastName)).not.toEqual(
      dataset.persons.map((p) => p.identity.lastName),
    );
  });

  it.each([300, 41, 7])('should create exactly %i people', (persons) => {
    expect(buildDemoDataset({ persons, today: TODAY }).persons).toHaveLength(persons);
  });

  it('should go through every scenario', () => {
    expect(new Set(dataset.households.map((h) => h.scenario))).toEqual(new Set(DEMO_SCENARIOS));
  });

  it('should cover every ETATDOSRSA 0–6 as a current household state', () => {
    const current = dataset.households.map(
      (h) => h.rights.filter((r) => r.personKey === null).at(-1)?.etatDossier,
    );
    expect(new Set(current)).toEqual(new Set(['0', '1', '2', '3', '4', '5', '6']));
  });

  it('should use suspension and closure reasons, roles and family situations of the référentiel', () => {
    const rights = dataset.households.flatMap((h) => h.rights);
    const suspension = codesOf('motif-suspension-rsa');
    const closure = codesOf('motif-cloture-rsa');
    expect(
      rights.filter((r) => r.suspensionReason).every((r) => suspension.has(r.suspensionReason as string)),
    ).toBe(true);
    expect(rights.filter((r) => r.closureReason).every((r) => closure.has(r.closureReason as string))).toBe(
      true,
    );
    expect(rights.filter((r) => ['3', '4'].includes(r.etatDossier)).every((r) => r.suspensionReason)).toBe(
      true,
    );
    expect(rights.filter((r) => ['5', '6'].includes(r.etatDossier)).every((r) => r.closureReason)).toBe(true);
    const roles = codesOf('role-personne');
    expect(dataset.households.flatMap((h) => h.members).every((m) => roles.has(m.role))).toBe(true);
    const situations = codesOf('situation-familiale');
    expect(dataset.households.every((h) => situations.has(h.familySituation))).toBe(true);
  });

  it('should use diagnostic and contract codes of the référentiel', () => {
    const known = new Set([...codesOf('situation'), ...codesOf('objective'), ...codesOf('ft-contrainte')]);
    const items = dataset.diagnostics.flatMap((d) => d.items);
    expect(items.filter((item) => !known.has(item.code))).toEqual([]);
    expect(dataset.diagnostics.every((d) => codesOf('education-level').has(d.educationLevel))).toBe(true);
    expect(dataset.diagnostics.every((d) => codesOf('work-situation').has(d.workSituation))).toBe(true);
    const objectives = dataset.contracts.flatMap((c) => c.versions.flatMap((v) => v.objectives));
    expect(objectives.every((o) => codesOf('objective').has(o.code))).toBe(true);
    const actionCodes = objectives
      .flatMap((o) => o.actions.map((a) => a.code))
      .filter((code): code is string => code !== null);
    expect(actionCodes.every((code) => codesOf('action').has(code))).toBe(true);
  });

  it('should file each diagnostic item under its own theme, with the values its list accepts', () => {
    const entries = new Map(
      REFERENTIEL_V1.lists.flatMap((list) =>
        list.entries.map((entry) => [`${list.code}:${entry.code}`, entry] as const),
      ),
    );
    const besoins = codesOf('ft-besoin-value');
    for (const item of dataset.diagnostics.flatMap((d) => d.items)) {
      if (item.kind === 'situation')
        expect([item.code, entries.get(`situation:${item.code}`)?.parentCode]).toEqual([
          item.code,
          item.themeCode,
        ]);
      else if (item.kind === 'need') {
        expect([item.code, entries.get(`objective:${item.code}`)?.parentCode]).toEqual([
          item.code,
          item.themeCode,
        ]);
        expect(besoins.has(item.value as string)).toBe(true);
      } else if (item.kind === 'constraint') {
        const contrainte = entries.get(`ft-contrainte:${item.code}`);
        expect(contrainte?.externalCodes?.['theme']).toBe(item.themeCode);
        expect(String(contrainte?.attributes?.['valeurs']).split('|')).toContain(item.value);
      } else throw new Error(`unexpected item kind ${item.kind}`);
    }
    expect(new Set(dataset.diagnostics.flatMap((d) => d.items.map((item) => item.kind)))).toEqual(
      new Set(['situation', 'need', 'constraint']),
    );
  });

  it('should give valid NIRs to most people, some in the 13-character CAF form, about one in ten without', () => {
    const nirs = dataset.persons.map((p) => p.identity.nir).filter((nir): nir is string => Boolean(nir));
    expect(nirs.every((nir) => parseNir(nir).ok)).toBe(true);
    expect(nirs.some((nir) => nir.length === 13)).toBe(true);
    expect(nirs.some((nir) => nir.length === 15)).toBe(true);
    const without = 1 - nirs.length / dataset.persons.length;
    expect(without).toBeGreaterThan(0.05);
    expect(without).toBeLessThan(0.2);
    expect(new Set(nirs.map((nir) => nir.slice(0, 13))).size).toBe(nirs.length);
  });

  it('should have new entrants opened 1 to 45 days ago, before and past the 15- and 30-day marks, not oriented', () => {
    const entrants = dataset.households.filter((h) => h.scenario === 'new_entrant');
    const days = entrants.map((h) => {
      const openedOn = h.rights.at(-1)?.openedOn as string;
      return Math.round((Date.parse('2026-06-15') - Date.parse(openedOn)) / 86_400_000);
    });
    expect(Math.min(...days)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...days)).toBeLessThanOrEqual(45);
    expect(days.some((d) => d < 15) && days.some((d) => d > 15 && d <= 30) && days.some((d) => d > 30)).toBe(
      true,
    );
    const demandeurs = new Set(entrants.map((h) => h.members[0]?.personKey));
    expect(dataset.orientations.filter((o) => demandeurs.has(o.personKey))).toEqual([]);
  });

  it('should orient people to the right structures and référents, at most one current orientation each', () => {
    const agents = new Map(DEMO_AGENTS.map((agent) => [agent.login, agent]));
    for (const orientation of dataset.orientations) {
      expect(agents.get(orientation.referentLogin as string)?.organisation).toBe(orientation.structure);
    }
    const current = dataset.orientations.filter((o) => o.supersededAt === null).map((o) => o.personKey);
    expect(new Set(current).size).toBe(current.length);
    expect(new Set(dataset.orientations.map((o) => o.type))).toEqual(new Set(['social', 'socio_pro', 'pro']));
  });

  it('should have contracts of every type and status, signed versions carrying a signature and a content hash', () => {
    expect(new Set(dataset.contracts.map((c) => c.status))).toEqual(
      new Set(['draft', 'signed', 'active', 'suspended', 'ended']),
    );
    expect(new Set(dataset.contracts.map((c) => c.type))).toEqual(
      new Set(['cer', 'ppae', 'cej', 'pacea', 'contrat_engagement']),
    );
    const versions = dataset.contracts.flatMap((c) => c.versions);
    expect(versions.filter((v) => v.signedAt).every((v) => v.contentHash && v.signedByLogin)).toBe(true);
    expect(
      dataset.contracts
        .filter((c) => c.status === 'draft')
        .every((c) => c.versions.every((v) => v.signedAt === null)),
    ).toBe(true);
  });

  it('should give each young person of the mission locale a past and a next appointment, and the demo account one with their référent', () => {
    const young = dataset.persons.filter((p) =>
      p.identifiers.some((i) => i.system === 'mission_locale_imilo'),
    );
    const today = TODAY.toISOString().slice(0, 10);
    for (const person of young) {
      const theirs = dataset.appointments.filter((a) => a.personKey === person.key);
      expect(theirs.map((a) => [a.partner, a.status, a.startsAt.toISOString().slice(0, 10) > today])).toEqual(
        [
          ['mission_locale', 'present', false],
          ['mission_locale', 'planned', true],
        ],
      );
    }
    const demo = dataset.persons.find((p) => p.identity.birthDate === '1986-09-14');
    expect(dataset.appointments.filter((a) => a.personKey === demo?.key)).toEqual([
      expect.objectContaining({ partner: 'department', status: 'planned', structure: 'cd52' }),
    ]);
    expect(new Set(dataset.appointments.map((a) => a.externalId)).size).toBe(dataset.appointments.length);
  });

  it('should hold one demo structure per partner of the department', () => {
    expect(DEMO_ORGANISATIONS.map((o) => o.type).sort()).toEqual(
      [
        'caf',
        'cap_emploi',
        'delegated_operator',
        'department',
        'france_travail_agency',
        'france_travail_agency',
        'mission_locale',
        'msa',
        'plie',
      ].sort(),
    );
  });

  it('should have one account for each demo role, an administrator among them, and no orientation to it', () => {
    const byRole = (role: string) => DEMO_AGENTS.filter((agent) => agent.roles.includes(role));
    for (const role of ['orientation', 'referent', 'adviser', 'connector', 'dpo', 'admin']) {
      expect(byRole(role).length).toBeGreaterThan(0);
    }
    expect(byRole('admin').map((agent) => agent.login)).toEqual(['hub-admin']);
    expect(dataset.orientations.some((o) => o.referentLogin === 'hub-admin')).toBe(false);
  });
});

describe('demoNirKey', () => {
  it('should compute 97 − n mod 97, Corsica included', () => {
    expect(demoNirKey('1800175123456')).toBe(String(97 - Number(1800175123456n % 97n)).padStart(2, '0'));
    expect(parseNir(`2690549588157${demoNirKey('2690549588157')}`).ok).toBe(true);
    expect(parseNir(`180022B123456${demoNirKey('180022B123456')}`).ok).toBe(true);
  });
});
