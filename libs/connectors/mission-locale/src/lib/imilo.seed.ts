import { createHash } from 'node:crypto';
import type {
  DossierMiloDto,
  DossierMiloSituationDto,
  MiloRdvStatus,
  MiloSituationCategory,
  RendezVousMiloDto,
} from './imilo.dto';
import type { ImiloSimulator } from './imilo.simulator';
import { toNaive } from './zoned-time';

/**
 * Demo data for the simulator: young people (16 to 25) followed in CEJ by the mission locale of department 052
 * (Haute-Marne), with their situations and a few appointments, and the `DOSSIER`/`RDV` `CREATE` events that announce
 * them. Everything is fictitious: e-mail addresses use the reserved `.invalid` domain. The same seed, count and `today`
 * always give the same data.
 */
export interface SeedOptions {
  /** YYYY-MM-DD the ages and dates are computed from. Default: today (UTC). */
  today?: string;
  /** Id of the first dossier; the next ones follow. Default 5 201 001 (outside the hub demo seed's i-Milo ids). */
  firstIdDossier?: number;
  /** Push the CREATE events (default true). */
  pushEvents?: boolean;
}

export interface SeedResult {
  dossiers: DossierMiloDto[];
  rdvs: RendezVousMiloDto[];
  eventIds: string[];
}

/** The mission locale of the hub's demo dataset (`organisation.structure_code` 52001). */
export const DEMO_MISSION_LOCALE = {
  codeStructure: '52001',
  nomOfficiel: 'Mission locale du Nord Haute-Marne',
} as const;

const COMMUNES = [
  { commune: 'Saint-Dizier', codePostal: '52100', antenne: 'Antenne de Saint-Dizier', weight: 26 },
  { commune: 'Chaumont', codePostal: '52000', antenne: 'Antenne de Chaumont', weight: 24 },
  { commune: 'Langres', codePostal: '52200', antenne: 'Antenne de Langres', weight: 10 },
  { commune: 'Joinville', codePostal: '52300', antenne: 'Antenne de Saint-Dizier', weight: 6 },
  { commune: 'Wassy', codePostal: '52130', antenne: 'Antenne de Saint-Dizier', weight: 5 },
  { commune: 'Bourbonne-les-Bains', codePostal: '52400', antenne: 'Antenne de Langres', weight: 4 },
  { commune: 'Nogent', codePostal: '52800', antenne: 'Antenne de Chaumont', weight: 4 },
  { commune: 'Chalindrey', codePostal: '52600', antenne: 'Antenne de Langres', weight: 3 },
] as const;

const ANTENNE_ADDRESSES: Record<string, string> = {
  'Antenne de Saint-Dizier': '15 rue Gambetta, 52100 Saint-Dizier',
  'Antenne de Chaumont': '7 rue Toupot de Béveaux, 52000 Chaumont',
  'Antenne de Langres': '2 place Jenson, 52200 Langres',
};

const STREETS = [
  'rue Victoire de la Marne',
  'avenue de la République',
  'rue du Général de Gaulle',
  'rue Gambetta',
  'rue Jean Jaurès',
  'avenue Carnot',
  'rue des Tanneries',
  'rue du Vieux Moulin',
  'rue de Verdun',
  'allée des Tilleuls',
  'rue Pasteur',
  'rue Diderot',
];

const COMPLEMENTS = [
  'Bâtiment B',
  'Appartement 12',
  'Résidence les Tilleuls',
  'Chez M. et Mme Durand',
  'Foyer jeunes travailleurs',
];

const FEMALE = [
  'Emma',
  'Léa',
  'Chloé',
  'Manon',
  'Inès',
  'Camille',
  'Jade',
  'Lola',
  'Sarah',
  'Clara',
  'Lina',
  'Zoé',
  'Océane',
  'Anaïs',
  'Louna',
];
const MALE = [
  'Lucas',
  'Hugo',
  'Enzo',
  'Nathan',
  'Louis',
  'Mathis',
  'Théo',
  'Tom',
  'Noah',
  'Jules',
  'Kylian',
  'Maxime',
  'Rayan',
  'Yanis',
  'Adam',
];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefebvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Masson',
  'Marchal',
  'Collin',
  'Humbert',
];

const CATEGORIES: ReadonlyArray<readonly [MiloSituationCategory, number]> = [
  ["Demandeur d'emploi", 35],
  ['Formation', 20],
  ['Emploi', 15],
  ['Contrat en Alternance', 10],
  ['Immersion en entreprise', 8],
  ['Scolarité', 5],
  ['Contrat de volontariat - bénévolat', 4],
  ['Pmsmp', 3],
];

/** ROME codes of jobs young people of the area often aim at. */
const ROME_CODES = [
  'G1603',
  'N1103',
  'D1507',
  'A1203',
  'J1501',
  'F1701',
  'M1607',
  'I1604',
  'H2909',
  'K1304',
  'G1803',
  'N4101',
];

const ADVISERS = ['Karim BENALI', 'Léa FOURNIER'];
const RDV_SUBJECTS = [
  'Entretien CEJ',
  'Point mensuel CEJ',
  'Atelier CV',
  'Préparation entretien d’embauche',
  'Bilan de parcours',
];
const RDV_TYPES = ['Entretien individuel', 'Téléphone', 'Visio', 'Atelier'];

/** Fills the simulator; returns what it stored. */
export function seedSimulator(
  sim: ImiloSimulator,
  count: number,
  seed: string,
  options: SeedOptions = {},
): SeedResult {
  const random = new SeedRandom(`imilo/${seed}`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(todayMs)) throw new Error(`seedSimulator: today is not a date: ${today}`);
  const firstId = options.firstIdDossier ?? 5_201_001;
  const pushEvents = options.pushEvents ?? true;
  const result: SeedResult = { dossiers: [], rdvs: [], eventIds: [] };
  let rdvId = 9_100_000 + random.int(0, 999) * 10;
  let eventSecond = 0;
  const eventDate = (): string =>
    new Date(todayMs + 6 * 3_600_000 + eventSecond++ * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

  for (let index = 0; index < count; index += 1) {
    const idDossier = firstId + index;
    const female = random.chance(0.5);
    const prenom = random.pick(female ? FEMALE : MALE);
    const nom = upper(random.pick(LAST_NAMES));
    const age = random.int(16, 25);
    const birth = addDays(addYears(todayMs, -age), -random.int(0, 364));
    const place = random.weighted(COMMUNES.map((c) => [c, c.weight] as const));
    const cejStart = addDays(todayMs, -random.int(7, 330));
    const ended = random.chance(0.1);
    const cejEnd = ended ? Math.min(addDays(cejStart, random.int(60, 300)), addDays(todayMs, -1)) : null;

    const dossier: DossierMiloDto = {
      idDossier,
      idJeune: `1${Array.from({ length: 18 }, () => random.int(0, 9)).join('')}`,
      numeroDE: random.chance(0.6)
        ? `${random.int(1_000_000, 9_999_999)}${random.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ'])}`
        : null,
      adresse: {
        numero: String(random.int(1, 60)),
        libelleVoie: random.pick(STREETS),
        complement: random.chance(0.2) ? random.pick(COMPLEMENTS) : '',
        codePostal: place.codePostal,
        commune: place.commune,
      },
      nomNaissance: nom,
      nomUsage: nom,
      prenom,
      dateNaissance: iso(birth),
      mail: random.chance(0.85) ? `${ascii(prenom)}.${ascii(nom)}.${idDossier}@jeunes52.demo.invalid` : null,
      structureRattachement: { ...DEMO_MISSION_LOCALE, nomUsuel: place.antenne },
      accompagnementCEJ: {
        accompagnementCEJ: !ended,
        dateDebut: iso(cejStart),
        dateFinPrevue: iso(addDays(addYears(cejStart, 1), -1)),
        dateFinReelle: cejEnd === null ? null : iso(cejEnd),
        premierAccompagnement: null,
      },
      situations: situations(random, todayMs, ended),
    };
    sim.upsertDossier(dossier);
    result.dossiers.push(dossier);
    if (pushEvents) {
      result.eventIds.push(
        sim.pushEvent({ idDossier, type: 'DOSSIER', action: 'CREATE', date: eventDate() }),
      );
    }

    const rdvCount = ended
      ? 0
      : random.weighted([
          [0, 3],
          [1, 5],
          [2, 2],
        ] as const);
    for (let r = 0; r < rdvCount; r += 1) {
      rdvId += random.int(1, 9);
      const rdv = appointment(random, rdvId, idDossier, todayMs, place.antenne);
      sim.putRdv(rdv);
      result.rdvs.push(rdv);
      if (pushEvents) {
        result.eventIds.push(
          sim.pushEvent({ idDossier, type: 'RDV', action: 'CREATE', idType: rdvId, date: eventDate() }),
        );
      }
    }
  }
  return result;
}

function situations(random: SeedRandom, todayMs: number, cejEnded: boolean): DossierMiloSituationDto[] {
  const list: DossierMiloSituationDto[] = [];
  const category = cejEnded
    ? random.pick(['Emploi', 'Contrat en Alternance', 'Formation'] as const)
    : random.weighted(CATEGORIES);
  const rome = random.pick(ROME_CODES);
  const working =
    category === 'Emploi' ||
    category === 'Contrat en Alternance' ||
    category === 'Immersion en entreprise' ||
    category === 'Pmsmp';
  const limited = category !== 'Emploi' && category !== "Demandeur d'emploi";
  list.push({
    etat: 'EN_COURS',
    dateFin: limited ? iso(addDays(todayMs, random.int(15, 300))) : null,
    categorieSituation: category,
    codeRomeMetierPrepare: category === 'Formation' || category === 'Contrat en Alternance' ? rome : null,
    codeRomePremierMetier: rome,
    codeRomeMetierExerce: working ? rome : null,
  });
  if (random.chance(0.4)) {
    const previous = random.pick([
      'Immersion en entreprise',
      'Formation',
      'Scolarité',
      "Demandeur d'emploi",
    ] as const);
    list.push({
      etat: 'TERMINE',
      dateFin: iso(addDays(todayMs, -random.int(20, 400))),
      categorieSituation: previous,
      codeRomeMetierPrepare: null,
      codeRomePremierMetier: random.pick(ROME_CODES),
      codeRomeMetierExerce: null,
    });
  }
  if (!cejEnded && random.chance(0.15)) {
    list.push({
      etat: 'PREVU',
      dateFin: iso(addDays(todayMs, random.int(60, 200))),
      categorieSituation: 'Formation',
      codeRomeMetierPrepare: rome,
      codeRomePremierMetier: rome,
      codeRomeMetierExerce: null,
    });
  }
  return list;
}

function appointment(
  random: SeedRandom,
  id: number,
  idDossier: number,
  todayMs: number,
  antenne: string,
): RendezVousMiloDto {
  let day = addDays(todayMs, random.int(-21, 21));
  const weekday = new Date(day).getUTCDay();
  if (weekday === 0) day = addDays(day, 1);
  if (weekday === 6) day = addDays(day, 2);
  const future = day >= todayMs;
  // Wall time in Paris, built as if it were UTC, then written back naive.
  const startWall = day + random.int(9, 16) * 3_600_000 + random.pick([0, 30]) * 60_000;
  const duration = random.pick([30, 45, 60]) * 60_000;
  const type = random.pick(RDV_TYPES);
  const statut: MiloRdvStatus = future
    ? random.weighted([
        ['Planifié', 9],
        ['Annulé', 1],
      ] as const)
    : random.weighted([
        ['Présent', 14],
        ['Absent', 3],
        ['Annulé', 2],
        ['Reporté', 1],
      ] as const);
  return {
    id,
    dateHeureDebut: toNaive(startWall, 'UTC'),
    dateHeureFin: toNaive(startWall + duration, 'UTC'),
    objet: random.pick(RDV_SUBJECTS),
    conseiller: random.pick(ADVISERS),
    idDossier,
    commentaire: random.chance(0.3) ? 'Apporter une pièce d’identité et un CV à jour.' : '',
    lieu: type === 'Téléphone' || type === 'Visio' ? '' : (ANTENNE_ADDRESSES[antenne] ?? antenne),
    type,
    statut,
  };
}

function addDays(ms: number, days: number): number {
  return ms + days * 86_400_000;
}

function addYears(ms: number, years: number): number {
  const date = new Date(ms);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function ascii(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

function upper(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase();
}

/** sfc32 seeded from SHA-256 of a text: deterministic, not for anything secret. */
class SeedRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: string) {
    const digest = createHash('sha256').update(seed).digest();
    this.a = digest.readUInt32LE(0);
    this.b = digest.readUInt32LE(4);
    this.c = digest.readUInt32LE(8);
    this.d = digest.readUInt32LE(12);
    for (let i = 0; i < 12; i += 1) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.next() * total;
    for (const [value, weight] of entries) {
      draw -= weight;
      if (draw < 0) return value;
    }
    return (entries[entries.length - 1] as readonly [T, number])[0];
  }
}
