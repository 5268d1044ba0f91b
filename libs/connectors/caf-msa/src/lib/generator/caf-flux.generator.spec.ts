import { Writable } from 'node:stream';

import iconv from 'iconv-lite';
import { SaxesParser } from 'saxes';

import { parseNir } from '@spie/person/domain';

import {
  buildHouseholdXml,
  encodeWindows1252,
  generateCafFlux,
  generateHousehold,
  generateHouseholds,
  writeCafFlux,
  type GeneratedFluxStats,
  type GeneratedHousehold,
} from './index';

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/** [element, minOccurs, maxOccurs] of an `xsd:sequence`, copied from vrsb0801.xsd. */
type Particle = readonly [string, number, number];
const UNBOUNDED = Number.POSITIVE_INFINITY;

const SEQUENCES: Readonly<Record<string, readonly Particle[]>> = {
  Racine: [
    ['IdentificationFlux', 1, 1],
    ['InfosFoyerRSA', 0, UNBOUNDED],
    ['TransmissionFlux', 1, 1],
  ],
  IdentificationFlux: [
    ['APPLIEME', 1, 1],
    ['NUMVERSIONAPPLIEME', 1, 1],
    ['TYPEFLUX', 1, 1],
    ['NATFLUX', 1, 1],
    ['DTCREAFLUX', 1, 1],
    ['HEUCREAFLUX', 1, 1],
    ['DTREF', 1, 1],
  ],
  InfosFoyerRSA: [
    ['IdentificationRSA', 1, 1],
    ['Personne', 1, UNBOUNDED],
    ['DonneesAdministratives', 1, 1],
    ['PrestationRSA', 1, 1],
    ['Evenement', 0, UNBOUNDED],
    ['Controle', 0, 1],
    ['Anomalie', 0, UNBOUNDED],
  ],
  IdentificationRSA: [
    ['Organisme', 1, 1],
    ['Partenaire', 1, 1],
    ['DemandeRSA', 1, 1],
    ['DemandeRMI', 0, 1],
    ['OrganismeCedant', 0, 1],
    ['OrganismePrenant', 0, 1],
  ],
  Personne: [
    ['Identification', 1, 1],
    ['DossierCAF', 1, 1],
    ['Prestations', 2, 2],
    ['Rattachement', 0, 2],
    ['DossierPoleEmploi', 0, 1],
    ['Ressources', 0, 1],
    ['MontantCalculDroitRSAPersonne', 0, 1],
    ['Activite', 0, UNBOUNDED],
    ['PensionAlimentaire', 0, 1],
    ['Grossesse', 0, 1],
    ['InformationsAgricoles', 0, 1],
    ['AvisPCGPersonne', 0, 1],
    ['AvisCGSSDOMPersonne', 0, 1],
  ],
  Identification: [
    ['QUAL', 0, 1],
    ['NOM', 1, 1],
    ['NOMNAI', 1, 1],
    ['PRENOM', 1, 1],
    ['PRENOM2', 0, 1],
    ['PRENOM3', 0, 1],
    ['NOMCOMNAI', 1, 1],
    ['DTNAI', 1, 1],
    ['RGNAI', 0, 1],
    ['TYPEDTNAI', 0, 1],
    ['NIR', 0, 1],
    ['TOPVALIEC', 0, 1],
    ['SEXE', 1, 1],
  ],
  DonneesAdministratives: [
    ['SituationFamille', 1, 1],
    ['Adresse', 1, 3],
  ],
  AdresseDetailleeFrance: [
    ['COMPLIDEADR', 1, 1],
    ['COMPLADR', 1, 1],
    ['NUMVOIE', 1, 1],
    ['LIBTYPEVOIE', 1, 1],
    ['NOMVOIE', 1, 1],
    ['LIEUDIST', 1, 1],
    ['NUMCOM', 1, 1],
    ['CODEPOS', 1, 1],
    ['NOMCOM', 1, 1],
  ],
  SituationDossierRSA: [
    ['EtatDossierRSA', 1, 1],
    ['Refus', 0, 1],
    ['SuspensionDroit', 0, UNBOUNDED],
    ['SuspensionVersement', 0, UNBOUNDED],
    ['FinDroit', 0, 1],
    ['FinDroitMoisAnterieur', 0, 1],
  ],
  TroncCommunDroitRSA: [
    ['TOPSANSDOMFIXE', 1, 1],
    ['NBENFAUTCHA', 0, 1],
    ['ORIDEMRSA', 1, 1],
    ['DTORIDEMRSA', 0, 1],
    ['TOPFOYDRODEVORSA', 0, 1],
  ],
  TransmissionFlux: [
    ['NBTOTDOSRSATRANSM', 1, 1],
    ['NBTOTDOSRSATRANSMANO', 1, 1],
  ],
};

/** `maxLength` of some string leaves. */
const MAX_LENGTHS: Readonly<Record<string, number>> = {
  NOM: 28,
  NOMNAI: 28,
  PRENOM: 32,
  PRENOM2: 15,
  NOMCOMNAI: 26,
  NUMDEMRSA: 11,
  NUMVOIE: 6,
  NOMVOIE: 32,
  NOMCOM: 32,
  COMPLIDEADR: 38,
  COMPLADR: 38,
  IDASSEDIC: 8,
  NUMORG: 3,
  IDEPARTE: 3,
};
const DATE_LEAVES = /^(DT|DD)/;
const BOOLEAN_LEAVES = new Set([
  'TOPVALIEC',
  'TOPRESPDOS',
  'TOPCHAPERS',
  'TOPPERSDRODEVORSA',
  'TOPSANSDOMFIXE',
]);

/** The first problem of a child list against a sequence, or null. */
function sequenceProblem(children: readonly string[], particles: readonly Particle[]): string | null {
  let position = 0;
  for (const [name, min, max] of particles) {
    let count = 0;
    while (position < children.length && children[position] === name) {
      count += 1;
      position += 1;
    }
    if (count < min || count > max) return `${name} ×${count}, expected ${min}..${max}`;
  }
  return position === children.length ? null : `unexpected ${children[position]} at ${position}`;
}

function parseXml(bytes: Buffer): XmlNode {
  const parser = new SaxesParser();
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, children: [], text: '' };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
    root ??= node;
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(iconv.decode(bytes, 'windows-1252')).close();
  if (root === undefined) throw new Error('empty document');
  return root;
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (found === undefined) throw new Error(`${node.name} has no ${name}`);
  return found;
}

function leaf(node: XmlNode, ...path: string[]): string {
  return path.reduce(child, node).text;
}

function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}

async function capture(
  write: (output: Writable) => Promise<GeneratedFluxStats>,
): Promise<{ bytes: Buffer; stats: GeneratedFluxStats }> {
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const stats = await write(output);
  return { bytes: Buffer.concat(chunks), stats };
}

describe('generateCafFlux', () => {
  let bytes: Buffer;
  let stats: GeneratedFluxStats;
  let root: XmlNode;
  let foyers: XmlNode[];
  let personnes: XmlNode[];

  beforeAll(async () => {
    ({ bytes, stats } = await capture((output) =>
      generateCafFlux({ households: 200, seed: 7, referenceDate: '2026-09-30', organisme: 'mixed' }, output),
    ));
    root = parseXml(bytes);
    foyers = root.children.filter((c) => c.name === 'InfosFoyerRSA');
    personnes = foyers.flatMap((f) => f.children.filter((c) => c.name === 'Personne'));
  });

  it('should follow the schema sequences of every element it checks when generating 200 households', () => {
    expect(root.name).toBe('Racine');
    const problems: string[] = [];
    for (const node of walk(root)) {
      const particles = SEQUENCES[node.name];
      if (particles === undefined) continue;
      const problem = sequenceProblem(
        node.children.map((c) => c.name),
        particles,
      );
      if (problem !== null) problems.push(`${node.name}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('should respect lengths, dates, times and booleans of the leaves', () => {
    const problems: string[] = [];
    for (const node of walk(root)) {
      if (node.children.length > 0) continue;
      const max = MAX_LENGTHS[node.name];
      if (max !== undefined && node.text.length > max) problems.push(`${node.name} too long: ${node.text}`);
      if (DATE_LEAVES.test(node.name) && !/^\d{4}-\d{2}-\d{2}$/.test(node.text))
        problems.push(`${node.name} not a date: ${node.text}`);
      if (BOOLEAN_LEAVES.has(node.name) && !/^[01]$/.test(node.text))
        problems.push(`${node.name} not 0/1: ${node.text}`);
      if (node.name === 'CODEPOS' && !/^\d{5}$/.test(node.text)) problems.push(`CODEPOS ${node.text}`);
    }
    expect(problems).toEqual([]);
    expect(leaf(root, 'IdentificationFlux', 'HEUCREAFLUX')).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{4}$/);
    expect(leaf(root, 'IdentificationFlux', 'DTREF')).toBe('2026-09-30');
    expect(leaf(root, 'IdentificationFlux', 'TYPEFLUX')).toBe('M');
  });

  it('should count households, persons and persons without NIR in its figures and in TransmissionFlux', () => {
    expect(foyers).toHaveLength(200);
    expect(stats.households).toBe(200);
    expect(stats.persons).toBe(personnes.length);
    expect(stats.personsWithoutNir).toBe(
      personnes.filter((p) => !child(p, 'Identification').children.some((c) => c.name === 'NIR')).length,
    );
    expect(stats.bytes).toBe(bytes.length);
    expect(leaf(root, 'TransmissionFlux', 'NBTOTDOSRSATRANSM')).toBe('00000200');
    expect(leaf(root, 'TransmissionFlux', 'NBTOTDOSRSATRANSMANO')).toBe('00000000');
  });

  it('should write valid 13-character NIRs that agree with SEXE and DTNAI and never repeat', () => {
    const nirs: string[] = [];
    for (const personne of personnes) {
      const identification = child(personne, 'Identification');
      const nirNode = identification.children.find((c) => c.name === 'NIR');
      if (nirNode === undefined) continue;
      const nir = nirNode.text;
      const dtnai = leaf(identification, 'DTNAI');
      expect(nir).toHaveLength(13);
      expect(parseNir(nir).ok).toBe(true);
      expect(nir[0]).toBe(leaf(identification, 'SEXE'));
      expect(nir.slice(1, 3)).toBe(dtnai.slice(2, 4));
      expect(nir.slice(3, 5)).toBe(dtnai.slice(5, 7));
      nirs.push(nir);
    }
    expect(nirs.length).toBeGreaterThan(200);
    expect(new Set(nirs).size).toBe(nirs.length);
  });

  it('should leave about 8% of adults and most children without NIR', () => {
    const hasNir = (p: XmlNode): boolean => child(p, 'Identification').children.some((c) => c.name === 'NIR');
    const children = personnes.filter((p) => leaf(p, 'Prestations', 'ROLEPERS') === 'ENF');
    const adults = personnes.filter((p) => leaf(p, 'Prestations', 'ROLEPERS') !== 'ENF');
    const adultShare = adults.filter((p) => !hasNir(p)).length / adults.length;
    expect(adultShare).toBeGreaterThan(0.03);
    expect(adultShare).toBeLessThan(0.15);
    expect(children.filter((p) => !hasNir(p)).length / children.length).toBeGreaterThan(0.5);
    for (const p of children) expect(leaf(p, 'MontantCalculDroitRSAPersonne', 'TOPPERSDRODEVORSA')).toBe('0');
  });

  it('should mix singles, couples and children, CAF and MSA, with one responsible applicant per household', () => {
    const roles = foyers.map((f) =>
      f.children.filter((c) => c.name === 'Personne').map((p) => leaf(p, 'Prestations', 'ROLEPERS')),
    );
    expect(roles.every((r) => r[0] === 'DEM' && r.filter((x) => x === 'DEM').length === 1)).toBe(true);
    expect(roles.some((r) => r.length === 1)).toBe(true);
    expect(roles.some((r) => r.includes('CJT'))).toBe(true);
    expect(roles.some((r) => r.includes('ENF'))).toBe(true);
    const organismes = new Set(foyers.map((f) => leaf(f, 'IdentificationRSA', 'Organisme', 'FONORG')));
    expect(organismes).toEqual(new Set(['CAF', 'MSA']));
    for (const f of foyers) {
      expect(leaf(f, 'IdentificationRSA', 'Partenaire', 'IDEPARTE')).toBe('052');
      const commune = leaf(f, 'DonneesAdministratives', 'Adresse', 'AdresseDetailleeFrance', 'NUMCOM');
      expect(commune.startsWith('52')).toBe(true);
    }
  });

  it('should write unique 15-digit MATRICULEs (7 digits and 8 zeros)', () => {
    const matricules = foyers.map((f) => leaf(f, 'IdentificationRSA', 'Organisme', 'MATRICULE'));
    for (const matricule of matricules) expect(matricule).toMatch(/^\d{7}0{8}$/);
    expect(new Set(matricules).size).toBe(200);
  });

  it('should state the suspension of states 3 and 4 and the closure of states 5 and 6', () => {
    for (const f of foyers) {
      const situation = child(child(f, 'PrestationRSA'), 'SituationDossierRSA');
      const etat = leaf(situation, 'EtatDossierRSA', 'ETATDOSRSA');
      const names = situation.children.map((c) => c.name);
      expect(names.includes('SuspensionVersement')).toBe(etat === '3' || etat === '4');
      expect(names.includes('SuspensionDroit')).toBe(etat === '3');
      expect(names.includes('FinDroit')).toBe(etat === '5');
      expect(names.includes('FinDroitMoisAnterieur')).toBe(etat === '6');
    }
  });

  it('should encode in windows-1252, accents included', () => {
    const head = '<?xml version="1.0" encoding="windows-1252"?>\n';
    expect(bytes.subarray(0, head.length).toString('latin1')).toBe(head);
    expect(bytes.includes(0xe9)).toBe(true);
    expect(bytes.includes(Buffer.from('é', 'utf8'))).toBe(false);
    expect(iconv.decode(bytes, 'windows-1252')).not.toContain('\ufffd');
  });

  it('should write the same bytes for the same seed and other bytes for another seed', async () => {
    const again = await capture((output) =>
      generateCafFlux({ households: 200, seed: 7, referenceDate: '2026-09-30', organisme: 'mixed' }, output),
    );
    const other = await capture((output) =>
      generateCafFlux({ households: 200, seed: 8, referenceDate: '2026-09-30', organisme: 'mixed' }, output),
    );
    expect(again.bytes.equals(bytes)).toBe(true);
    expect(other.bytes.equals(bytes)).toBe(false);
  });

  it('should wait for a slow output instead of buffering the file', async () => {
    let largest = 0;
    let received = 0;
    const output = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        largest = Math.max(largest, output.writableLength);
        setTimeout(callback, 1);
      },
    });
    const result = await generateCafFlux({ households: 300, seed: 3 }, output);
    expect(received).toBe(result.bytes);
    expect(result.bytes).toBeGreaterThan(500_000);
    expect(largest).toBeLessThan(200_000);
  });
});

describe('generateHouseholds', () => {
  const cohort = { households: 2000, seed: 11, referenceDate: '2026-09-30' };

  it('should draw every RSA state, mostly open and payable', () => {
    const counts = new Map<string, number>();
    for (const h of generateHouseholds(cohort))
      counts.set(h.etatDossier, (counts.get(h.etatDossier) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect((counts.get('2') ?? 0) / 2000).toBeGreaterThan(0.6);
  });

  it('should keep the same households and change about changeRate of them in the next month', () => {
    const before = [...generateHouseholds(cohort)];
    const after = [
      ...generateHouseholds({
        ...cohort,
        cohortDate: '2026-09-30',
        referenceDate: '2026-10-31',
        changeRate: 0.05,
      }),
    ];
    expect(after.map((h) => h.matricule)).toEqual(before.map((h) => h.matricule));
    expect(after.map((h) => h.persons.map((p) => p.nir))).toEqual(
      before.map((h) => h.persons.map((p) => p.nir)),
    );
    const changedStates = after.filter((h, i) => h.etatDossier !== before[i]?.etatDossier).length;
    expect(changedStates / 2000).toBeGreaterThan(0.02);
    expect(changedStates / 2000).toBeLessThan(0.09);
    const unchanged = after.filter((h, i) => JSON.stringify(h) === JSON.stringify(before[i])).length;
    expect(unchanged / 2000).toBeGreaterThan(0.9);

    const onlyChanged = [
      ...generateHouseholds({
        ...cohort,
        cohortDate: '2026-09-30',
        referenceDate: '2026-10-31',
        onlyChanged: true,
      }),
    ];
    expect(onlyChanged.length).toBe(2000 - unchanged);
  });

  it('should draw other households with another matriculeOffset', () => {
    const first = new Set([...generateHouseholds({ households: 500, seed: 1 })].map((h) => h.matricule));
    const second = [...generateHouseholds({ households: 500, seed: 1, matriculeOffset: 500 })];
    expect(second.filter((h) => first.has(h.matricule))).toEqual([]);
    expect(generateHousehold(0, { seed: 1, matriculeOffset: 500 })).toEqual(second[0]);
  });

  it('should number Corsican and overseas households in their department', () => {
    const corsica = generateHousehold(3, { departmentCode: '2A' });
    expect(corsica.departmentCode).toBe('02A');
    expect(corsica.numorg).toBe('2A1');
    expect(corsica.address.numcom).toMatch(/^2A\d{3}$/);
    expect(corsica.address.codepos).toMatch(/^20\d{3}$/);
    const guadeloupe = generateHousehold(3, { departmentCode: '971' });
    expect(guadeloupe.departmentCode).toBe('971');
    expect(guadeloupe.address.codepos).toMatch(/^971\d{2}$/);
    for (const h of generateHouseholds({ households: 300, seed: 5, departmentCode: '2A' }))
      for (const p of h.persons) if (p.nir !== undefined) expect(parseNir(p.nir).ok).toBe(true);
  });
});

describe('writeCafFlux and buildHouseholdXml', () => {
  function crafted(): GeneratedHousehold {
    return {
      ...generateHousehold(0, { seed: 1 }),
      matricule: '012345600000000',
      etatDossier: '4',
      suspension: { reason: '06', since: '2026-10-01' },
      rightSuspension: undefined,
      closure: undefined,
      payment: undefined,
      persons: [
        {
          qual: 'MME',
          nom: 'Cœur & Fils',
          nomnai: 'LŒUILLET',
          prenom: 'Héloïse',
          nomcomnai: 'CHAUMONT',
          dtnai: '1990-03-15',
          nir: '2900352121001',
          sexe: '2',
          role: 'DEM',
          respDos: true,
          subjectToRightsAndDuties: true,
        },
      ],
    };
  }

  it('should write crafted households exactly, in a daily flux', async () => {
    const households = [crafted(), { ...crafted(), matricule: '012345700000000', anomalies: ['NIR ABSENT'] }];
    const { bytes, stats } = await capture((output) =>
      writeCafFlux(households, { fluxType: 'I', referenceDate: '2026-10-14' }, output, { indent: false }),
    );
    const root = parseXml(bytes);
    expect(leaf(root, 'IdentificationFlux', 'TYPEFLUX')).toBe('I');
    expect(leaf(root, 'IdentificationFlux', 'DTCREAFLUX')).toBe('2026-10-14');
    expect(leaf(root, 'TransmissionFlux', 'NBTOTDOSRSATRANSM')).toBe('00000002');
    expect(leaf(root, 'TransmissionFlux', 'NBTOTDOSRSATRANSMANO')).toBe('00000001');
    const foyer = child(root, 'InfosFoyerRSA');
    expect(leaf(foyer, 'Personne', 'Identification', 'NOM')).toBe('Cœur & Fils');
    expect(leaf(foyer, 'Personne', 'Identification', 'NIR')).toBe('2900352121001');
    expect(leaf(foyer, 'PrestationRSA', 'SituationDossierRSA', 'SuspensionVersement', 'MOTISUSVERSRSA')).toBe(
      '06',
    );
    expect(stats).toEqual({ households: 2, persons: 2, personsWithoutNir: 0, bytes: bytes.length });
    expect(bytes.includes(Buffer.from([0x43, 0x9c, 0x75, 0x72]))).toBe(true); // "Cœur"
    expect(bytes.toString('latin1')).toContain('<NOM>C\x9cur &amp; Fils</NOM>');
  });

  it('should build one InfosFoyerRSA element', () => {
    const xml = buildHouseholdXml(crafted());
    expect(xml.startsWith('\t<InfosFoyerRSA>\n')).toBe(true);
    expect(xml.endsWith('\t</InfosFoyerRSA>\n')).toBe(true);
    expect(xml).toContain('<ETATDOSRSA>4</ETATDOSRSA>');
  });

  it('should encode as iconv-lite does, every windows-1252 character and unknown ones included', () => {
    const all = iconv
      .decode(Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'windows-1252')
      .replace(/\ufffd/g, '');
    const text = `${all}ŏ☃€œŒ’`;
    expect(encodeWindows1252(text).equals(iconv.encode(text, 'windows-1252'))).toBe(true);
    // iconv-lite writes U+FFFD as 0x9D, one of the five bytes windows-1252 leaves undefined; `?` is safer.
    expect(encodeWindows1252('\ufffd').toString('latin1')).toBe('?');
  });
});
