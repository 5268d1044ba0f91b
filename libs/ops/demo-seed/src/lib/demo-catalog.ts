import type { OrganisationType } from '@spie/organisation/data-access';

/**
 * The fixed material of the demo dataset of department 052 (Haute-Marne): structures, accounts, places and names. Every
 * person, address and identifier is fictitious; e-mail addresses use the reserved `.invalid` domain and telephone
 * numbers the range ARCEP keeps for fiction (06 39 98 xx xx).
 */

export const DEMO_DEPARTMENT = '052';
export const DEMO_SOURCE_REF = 'demo-seed';
export const DEMO_RECORDED_BY = 'demo-seed';
export const DEMO_REFERENTIEL_VERSION = '2026.1';
/** SIRET of the Conseil départemental de la Haute-Marne (kept from the first demo seed, which identified it by SIRET). */
export const CD52_SIRET = '22520001500016';
export const CAF_ORGANISME_CODE = '521';
/** Fictitious organisme number of the MSA in the demo. */
export const MSA_ORGANISME_CODE = '520';

export type DemoOrganisationKey =
  | 'cd52'
  | 'ft-chaumont'
  | 'ft-saint-dizier'
  | 'ml-nord'
  | 'caf52'
  | 'msa-sud-champagne'
  | 'plie'
  | 'cap-emploi'
  | 'association';

export interface DemoOrganisationSpec {
  key: DemoOrganisationKey;
  type: OrganisationType;
  name: string;
  siret: string | null;
  safirCode: string | null;
  structureCode: string | null;
  /** INSEE codes of the communes served; empty = the whole department. */
  territory: string[];
  email: string;
  phone: string;
  address: string;
}

export interface DemoCommune {
  name: string;
  postalCode: string;
  inseeCode: string;
  /** North (Saint-Dizier, Joinville, Wassy) or south (Chaumont, Langres…): decides the France Travail agency. */
  area: 'north' | 'south';
  weight: number;
}

export const DEMO_COMMUNES: readonly DemoCommune[] = [
  { name: 'Chaumont', postalCode: '52000', inseeCode: '52121', area: 'south', weight: 24 },
  { name: 'Saint-Dizier', postalCode: '52100', inseeCode: '52448', area: 'north', weight: 26 },
  { name: 'Langres', postalCode: '52200', inseeCode: '52269', area: 'south', weight: 10 },
  { name: 'Joinville', postalCode: '52300', inseeCode: '52250', area: 'north', weight: 6 },
  { name: 'Wassy', postalCode: '52130', inseeCode: '52550', area: 'north', weight: 5 },
  { name: 'Bourbonne-les-Bains', postalCode: '52400', inseeCode: '52060', area: 'south', weight: 4 },
  { name: 'Nogent', postalCode: '52800', inseeCode: '52353', area: 'south', weight: 4 },
  { name: 'Chalindrey', postalCode: '52600', inseeCode: '52093', area: 'south', weight: 3 },
];

const NORTH = DEMO_COMMUNES.filter((c) => c.area === 'north').map((c) => c.inseeCode);
const SOUTH = DEMO_COMMUNES.filter((c) => c.area === 'south').map((c) => c.inseeCode);

export const DEMO_ORGANISATIONS: readonly DemoOrganisationSpec[] = [
  {
    key: 'cd52',
    type: 'department',
    name: 'Conseil départemental de la Haute-Marne',
    siret: CD52_SIRET,
    safirCode: null,
    structureCode: null,
    territory: [],
    email: 'insertion@cd52.demo.invalid',
    phone: '0639980001',
    address: '1 rue du Commandant Hugueny, 52000 Chaumont',
  },
  {
    key: 'ft-chaumont',
    type: 'france_travail_agency',
    name: 'France Travail Chaumont',
    siret: null,
    safirCode: '52011',
    structureCode: null,
    territory: SOUTH,
    email: 'chaumont@francetravail.demo.invalid',
    phone: '0639980002',
    address: '2 avenue des États-Unis, 52000 Chaumont',
  },
  {
    key: 'ft-saint-dizier',
    type: 'france_travail_agency',
    name: 'France Travail Saint-Dizier',
    siret: null,
    safirCode: '52021',
    structureCode: null,
    territory: NORTH,
    email: 'saint-dizier@francetravail.demo.invalid',
    phone: '0639980003',
    address: '8 rue de la Victoire, 52100 Saint-Dizier',
  },
  {
    key: 'ml-nord',
    type: 'mission_locale',
    name: 'Mission locale du Nord Haute-Marne',
    siret: null,
    safirCode: null,
    structureCode: '52001',
    territory: [],
    email: 'contact@ml-nord52.demo.invalid',
    phone: '0639980004',
    address: '15 rue Gambetta, 52100 Saint-Dizier',
  },
  {
    key: 'caf52',
    type: 'caf',
    name: 'CAF de la Haute-Marne',
    siret: null,
    safirCode: null,
    structureCode: CAF_ORGANISME_CODE,
    territory: [],
    email: 'partenaires@caf52.demo.invalid',
    phone: '0639980005',
    address: '9 rue de la Tour Charton, 52000 Chaumont',
  },
  {
    key: 'msa-sud-champagne',
    type: 'msa',
    name: 'MSA Sud Champagne',
    siret: null,
    safirCode: null,
    structureCode: MSA_ORGANISME_CODE,
    territory: [],
    email: 'partenaires@msa-sc.demo.invalid',
    phone: '0639980006',
    address: '4 avenue du Général Leclerc, 52000 Chaumont',
  },
  {
    key: 'plie',
    type: 'plie',
    name: 'PLIE du Nord Haute-Marne',
    siret: null,
    safirCode: null,
    structureCode: null,
    territory: NORTH,
    email: 'plie@nord52.demo.invalid',
    phone: '0639980007',
    address: '3 place Aristide Briand, 52100 Saint-Dizier',
  },
  {
    key: 'cap-emploi',
    type: 'cap_emploi',
    name: 'Cap emploi 52',
    siret: null,
    safirCode: null,
    structureCode: null,
    territory: [],
    email: 'contact@capemploi52.demo.invalid',
    phone: '0639980008',
    address: '21 rue Victoire de la Marne, 52000 Chaumont',
  },
  {
    key: 'association',
    type: 'delegated_operator',
    name: 'Association Tremplin Insertion 52 (opérateur délégataire)',
    siret: null,
    safirCode: null,
    structureCode: null,
    territory: [],
    email: 'accompagnement@tremplin52.demo.invalid',
    phone: '0639980009',
    address: '6 rue des Tanneries, 52200 Langres',
  },
];

export interface DemoAgentSpec {
  login: string;
  organisation: DemoOrganisationKey;
  givenName: string;
  usualName: string;
  roles: string[];
  /** What the account is for (printed by `npm start`, documented in the demo page). */
  description: string;
}

/**
 * The demo agents. The first seven are the ones `npm start` prints (apps/cli/src/demo-accounts.ts); the others are the
 * référents of each structure, to whom the demo people are oriented. The local OpenID provider signs them all in.
 */
export const DEMO_AGENTS: readonly DemoAgentSpec[] = [
  {
    login: 'cd52-orientation',
    organisation: 'cd52',
    givenName: 'Claire',
    usualName: 'Marchal',
    roles: ['orientation'],
    description: 'Department 052, orientation team: new RSA entrants, orientation decisions',
  },
  {
    login: 'cd52-referent',
    organisation: 'cd52',
    givenName: 'Julien',
    usualName: 'Collin',
    roles: ['referent'],
    description: 'Department 052, social référent (Chaumont)',
  },
  {
    login: 'ft-conseiller',
    organisation: 'ft-chaumont',
    givenName: 'Sophie',
    usualName: 'Girardot',
    roles: ['adviser', 'referent'],
    description: 'France Travail adviser, Chaumont agency',
  },
  {
    login: 'ml-conseiller',
    organisation: 'ml-nord',
    givenName: 'Karim',
    usualName: 'Benali',
    roles: ['adviser', 'referent'],
    description: 'Mission locale adviser (CEJ, PACEA)',
  },
  {
    login: 'caf-connector',
    organisation: 'caf52',
    givenName: 'Connecteur',
    usualName: 'CAF 52',
    roles: ['connector'],
    description: 'CAF technical account (ingestion only)',
  },
  {
    login: 'dpo',
    organisation: 'cd52',
    givenName: 'Hélène',
    usualName: 'Royer',
    roles: ['dpo'],
    description: 'Department 052 data protection officer',
  },
  {
    login: 'hub-admin',
    organisation: 'cd52',
    givenName: 'Administration',
    usualName: 'spie-hub',
    roles: ['admin'],
    description: 'Hub administrator: imports, identity review queue, queue dashboard',
  },
  {
    login: 'cd52-referent-nord',
    organisation: 'cd52',
    givenName: 'Nadia',
    usualName: 'Perrin',
    roles: ['referent'],
    description: 'Department 052, social référent (Saint-Dizier)',
  },
  {
    login: 'cd52-referent-sud',
    organisation: 'cd52',
    givenName: 'Thomas',
    usualName: 'Mathieu',
    roles: ['referent'],
    description: 'Department 052, social référent (Langres)',
  },
  {
    login: 'ft-conseiller-2',
    organisation: 'ft-chaumont',
    givenName: 'Éric',
    usualName: 'Lemoine',
    roles: ['adviser', 'referent'],
    description: 'France Travail adviser, Chaumont agency',
  },
  {
    login: 'ft-conseiller-sd',
    organisation: 'ft-saint-dizier',
    givenName: 'Amandine',
    usualName: 'Huguenin',
    roles: ['adviser', 'referent'],
    description: 'France Travail adviser, Saint-Dizier agency',
  },
  {
    login: 'ft-conseiller-sd-2',
    organisation: 'ft-saint-dizier',
    givenName: 'Mickaël',
    usualName: 'Thiébaut',
    roles: ['adviser', 'referent'],
    description: 'France Travail adviser, Saint-Dizier agency',
  },
  {
    login: 'ml-conseiller-2',
    organisation: 'ml-nord',
    givenName: 'Léa',
    usualName: 'Fournier',
    roles: ['adviser', 'referent'],
    description: 'Mission locale adviser',
  },
  {
    login: 'plie-referent',
    organisation: 'plie',
    givenName: 'Marc',
    usualName: 'Henry',
    roles: ['referent'],
    description: 'PLIE référent',
  },
  {
    login: 'capemploi-conseiller',
    organisation: 'cap-emploi',
    givenName: 'Isabelle',
    usualName: 'Jacquot',
    roles: ['adviser', 'referent'],
    description: 'Cap emploi adviser (RQTH)',
  },
  {
    login: 'asso-referent',
    organisation: 'association',
    givenName: 'Samira',
    usualName: 'Haddad',
    roles: ['referent'],
    description: 'Delegated operator référent (Langres)',
  },
  {
    login: 'asso-referent-2',
    organisation: 'association',
    givenName: 'Pierre',
    usualName: 'Voirin',
    roles: ['referent'],
    description: 'Delegated operator référent (Chaumont)',
  },
  {
    login: 'msa-connector',
    organisation: 'msa-sud-champagne',
    givenName: 'Connecteur',
    usualName: 'MSA Sud Champagne',
    roles: ['connector'],
    description: 'MSA technical account (ingestion only)',
  },
  {
    login: 'ft-connector',
    organisation: 'ft-chaumont',
    givenName: 'Connecteur',
    usualName: 'France Travail',
    roles: ['connector'],
    description: 'France Travail technical account: its files and diagnostic answers (ingestion only)',
  },
  {
    login: 'ml-connector',
    organisation: 'ml-nord',
    givenName: 'Connecteur',
    usualName: 'i-Milo',
    roles: ['connector'],
    description: 'Mission locale technical account: the i-Milo poll acts as it (ingestion only)',
  },
  {
    login: 'cd52-connector',
    organisation: 'cd52',
    givenName: 'Connecteur',
    usualName: 'CD52',
    roles: ['connector'],
    description:
      'Department 052 technical account: the CAF/MSA flux it receives and its own lists (ingestion only)',
  },
];

/** The e-mail of a demo agent: `<login>@demo.invalid`, none for the technical (connector) accounts. */
export function demoAgentEmail(agent: Pick<DemoAgentSpec, 'login' | 'roles'>): string | null {
  return agent.roles.includes('connector') ? null : `${agent.login}@demo.invalid`;
}

export interface DemoPersonAccountSpec {
  /** Login at the local OpenID provider (its `sub`). */
  login: string;
  description: string;
  /** The demo person becomes the applicant of the first household of this scenario, with this identity. */
  scenario: 'oriented_social';
  sex: 'F' | 'M';
  /** Every given name, in order. */
  firstNames: string[];
  birthName: string;
  /** Usage name, when it differs from the birth name. */
  usageName: string | null;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** One of `DEMO_BIRTH_PLACES`. */
  birthPlace: string;
}

/**
 * The person who signs in to the portal (FranceConnect-like) in the demo. Their pivot identity is fixed, so that the
 * local provider's claims and the demo dataset describe the same person.
 */
export const DEMO_PERSON_ACCOUNTS: readonly DemoPersonAccountSpec[] = [
  {
    login: 'allocataire-demo',
    description: 'A person receiving the RSA, oriented to the department (portal sign-in)',
    scenario: 'oriented_social',
    sex: 'F',
    firstNames: ['Aurélie', 'Marie'],
    birthName: 'Vautrin',
    usageName: null,
    birthDate: '1986-09-14',
    birthPlace: 'Chaumont',
  },
];

export const FEMALE_FIRST_NAMES = [
  'Marie',
  'Nathalie',
  'Isabelle',
  'Sylvie',
  'Catherine',
  'Sandrine',
  'Céline',
  'Stéphanie',
  'Aurélie',
  'Virginie',
  'Émilie',
  'Julie',
  'Laetitia',
  'Audrey',
  'Mélanie',
  'Jessica',
  'Amandine',
  'Élodie',
  'Laura',
  'Manon',
  'Camille',
  'Chloé',
  'Sarah',
  'Léa',
  'Inès',
  'Yasmine',
  'Fatima',
  'Aïcha',
  'Océane',
  'Kelly',
  'Cindy',
  'Sabrina',
  'Karine',
  'Valérie',
  'Christelle',
  'Josiane',
  'Monique',
  'Ana',
  'Elif',
  'Mariana',
] as const;

export const MALE_FIRST_NAMES = [
  'Jean',
  'Michel',
  'Philippe',
  'Alain',
  'Patrick',
  'Christophe',
  'Stéphane',
  'Sébastien',
  'Nicolas',
  'David',
  'Frédéric',
  'Laurent',
  'Julien',
  'Jérôme',
  'Anthony',
  'Kévin',
  'Dylan',
  'Maxime',
  'Thomas',
  'Lucas',
  'Hugo',
  'Enzo',
  'Théo',
  'Mohamed',
  'Karim',
  'Mehdi',
  'Yanis',
  'Rayan',
  'Mathis',
  'Jordan',
  'Cédric',
  'Franck',
  'Pascal',
  'Gérard',
  'Bernard',
  'Joaquim',
  'Mustafa',
  'Ionut',
  'Loïc',
  'Grégory',
] as const;

export const SECOND_NAMES_F = ['Marie', 'Anne', 'Louise', 'Claire', 'Andrée', 'Jeanne'] as const;
export const SECOND_NAMES_M = ['Pierre', 'Louis', 'Marie', 'André', 'Jean', 'Paul'] as const;

export const LAST_NAMES = [
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
  'Lefèvre',
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
  'Garcia',
  'Perrin',
  'Robin',
  'Clément',
  'Morin',
  'Nicolas',
  'Henry',
  'Roussel',
  'Mathieu',
  'Gautier',
  'Masson',
  'Marchand',
  'Duval',
  'Denis',
  'Dumont',
  'Marie',
  'Lemaire',
  'Noël',
  'Meyer',
  'Dufour',
  'Meunier',
  'Brun',
  'Blanchard',
  'Giraud',
  'Joly',
  'Rivière',
  'Lucas',
  'Brunet',
  'Gaillard',
  'Barbier',
  'Arnaud',
  'Collin',
  'Jacquot',
  'Thiébaut',
  'Guyot',
  'Humbert',
  'Vautrin',
  'Parisot',
  'Mougeot',
  'Huguenin',
  'Benali',
  'Haddad',
  'Kaya',
  'Yilmaz',
  'Da Silva',
  'Pereira',
  'Popescu',
  'Diallo',
  'Traoré',
  'Mendy',
  "N'Diaye",
] as const;

export interface DemoBirthPlace {
  name: string;
  /** The NIR's department (2 characters; 99 = born abroad) and commune or country (3 digits). */
  nirDepartment: string;
  nirCommune: string;
  weight: number;
}

export const DEMO_BIRTH_PLACES: readonly DemoBirthPlace[] = [
  { name: 'Chaumont', nirDepartment: '52', nirCommune: '121', weight: 20 },
  { name: 'Saint-Dizier', nirDepartment: '52', nirCommune: '448', weight: 20 },
  { name: 'Langres', nirDepartment: '52', nirCommune: '269', weight: 8 },
  { name: 'Joinville', nirDepartment: '52', nirCommune: '250', weight: 4 },
  { name: 'Troyes', nirDepartment: '10', nirCommune: '387', weight: 6 },
  { name: 'Reims', nirDepartment: '51', nirCommune: '454', weight: 5 },
  { name: 'Nancy', nirDepartment: '54', nirCommune: '395', weight: 4 },
  { name: 'Dijon', nirDepartment: '21', nirCommune: '231', weight: 4 },
  { name: 'Bar-le-Duc', nirDepartment: '55', nirCommune: '029', weight: 3 },
  { name: 'Paris 12e', nirDepartment: '75', nirCommune: '112', weight: 3 },
  { name: 'Maroc', nirDepartment: '99', nirCommune: '350', weight: 4 },
  { name: 'Algérie', nirDepartment: '99', nirCommune: '352', weight: 4 },
  { name: 'Tunisie', nirDepartment: '99', nirCommune: '351', weight: 2 },
  { name: 'Turquie', nirDepartment: '99', nirCommune: '208', weight: 2 },
  { name: 'Portugal', nirDepartment: '99', nirCommune: '139', weight: 2 },
  { name: 'Roumanie', nirDepartment: '99', nirCommune: '114', weight: 2 },
];

export const DEMO_STREETS = [
  'rue Victoire de la Marne',
  'avenue de la République',
  'rue du Général de Gaulle',
  'rue Gambetta',
  'rue de Verdun',
  'rue des Tanneries',
  'place de la Concorde',
  'rue Jean Jaurès',
  'rue Émile Zola',
  'rue des Écoles',
  'allée des Tilleuls',
  'rue du Moulin',
  'rue de la Gare',
  'chemin des Vignes',
  'rue Pasteur',
  'rue Diderot',
  'cité du Vert-Bois',
  'rue Anne Frank',
] as const;

/** Target jobs of the professional projects (ROME v3 codes). */
export const DEMO_ROME_JOBS: ReadonlyArray<readonly [string, string]> = [
  ['K1302', 'Assistance auprès d’adultes'],
  ['K1303', 'Assistance auprès d’enfants'],
  ['K1304', 'Services domestiques'],
  ['K2204', 'Nettoyage de locaux'],
  ['N1103', 'Magasinage et préparation de commandes'],
  ['N1105', 'Manutention manuelle de charges'],
  ['N4105', 'Conduite et livraison par tournées sur courte distance'],
  ['D1505', 'Personnel de caisse'],
  ['D1507', 'Mise en rayon libre-service'],
  ['D1106', 'Vente en alimentation'],
  ['G1602', 'Personnel de cuisine'],
  ['G1603', 'Personnel polyvalent en restauration'],
  ['G1803', 'Service en restauration'],
  ['A1203', 'Aménagement et entretien des espaces verts'],
  ['A1414', 'Horticulture et maraîchage'],
  ['A1416', 'Polyculture, élevage'],
  ['F1703', 'Maçonnerie'],
  ['I1203', 'Maintenance des bâtiments et des locaux'],
  ['H2909', 'Montage-assemblage mécanique'],
  ['H3302', 'Opérations manuelles d’assemblage, tri ou emballage'],
  ['J1501', 'Soins d’hygiène, de confort du patient'],
  ['M1602', 'Opérations administratives'],
  ['M1607', 'Secrétariat'],
];
