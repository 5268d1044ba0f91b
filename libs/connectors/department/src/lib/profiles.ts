import { IngestFileError, normaliseHeader } from '@spie/ingestion/domain';

/** The fields a department list can carry; a profile says which header names each one is read from. */
export const FIELD_NAMES = [
  'siId',
  'lastName',
  'firstName',
  'birthName',
  'birthDate',
  'birthPlace',
  'civility',
  'role',
  'nir',
  'cafNumber',
  'franceTravailId',
  'email',
  'phone',
  'address1',
  'address2',
  'address3',
  'postalCode',
  'city',
  'postalCodeCity',
  'situation',
  'rsaRight',
  'receivesRsa',
  'rightsOpenedOn',
  'areRight',
  'assRight',
  'activityBonus',
  'franceTravailRegistered',
  'rqth',
  'mobilityZone',
  'romeProject',
  'educationLevel',
  'structureName',
  'referentEmails',
  'tags',
  'orientationDecision',
  'orientationInterviewOn',
  'cerSignedOn',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

/**
 * How one department (or tool) names its columns. Data, not code: a department with its own layout gets a profile
 * object (passed as `options.profile`, or added to `options.profiles` for detection).
 */
export interface DepartmentProfile {
  id: string;
  label: string;
  /** Sheet to read in a workbook; the first sheet when absent. A named sheet that is missing refuses the file. */
  sheetName?: string;
  /** Header aliases per field, compared after `normaliseHeader` (case, accents, `n°`, `*`, punctuation). */
  columns: Partial<Record<FieldName, string[]>>;
  /** Fields whose column must be present (and whose cell must be filled in every row). */
  required: FieldName[];
  /**
   * Columns known to the layout and deliberately not imported (tracking columns of the department's own sheet, free
   * comments): not reported as unknown.
   */
  ignored?: string[];
}

/**
 * The carnet de bord beneficiary import template (`import_beneficiaires.csv`, research carnet-de-bord.md §4.4).
 * Starred columns are required. "Zone de mobilité", ignored by carnet de bord, is read here.
 */
export const CARNET_DE_BORD_PROFILE: DepartmentProfile = {
  id: 'carnet-de-bord',
  label: 'Carnet de bord : import des bénéficiaires',
  columns: {
    siId: ['Identifiant dans le SI'],
    firstName: ['Prénom'],
    lastName: ['Nom'],
    birthDate: ['Date de naissance'],
    nir: ['NIR'],
    birthPlace: ['Lieu de naissance'],
    phone: ['Téléphone'],
    email: ['Email'],
    address1: ['Adresse'],
    address2: ['Adresse (complément)'],
    postalCode: ['Code postal'],
    city: ['Ville'],
    situation: ['Situation'],
    cafNumber: ['Numéro allocataire CAF/MSA'],
    franceTravailId: ['Identifiant Pôle emploi', 'Identifiant France Travail'],
    rsaRight: ['Droits RSA'],
    areRight: ['Droits ARE'],
    assRight: ['Droits ASS'],
    activityBonus: ["Prime d'activité"],
    rqth: ['RQTH'],
    mobilityZone: ['Zone de mobilité'],
    romeProject: ['Emploi recherché (code ROME)'],
    educationLevel: ['Niveau de formation'],
    structureName: ['Structure'],
    referentEmails: ['Accompagnateurs'],
  },
  required: ['siId', 'firstName', 'lastName', 'birthDate'],
};

/**
 * rdv-insertion beneficiary lists ("fichier allocataires / usagers", research rdv-insertion-pass-emploi.md §1.4): the
 * Drôme layout (`Nom bénéficiaire`, `N° CAF`, `ID Iodas`, `CP Ville`…), the Yonne one (`Nom`, `Code individu
 * Iodas`, `Nom JF`…) and the columns of rdv-insertion's `FileConfiguration` (NIR, France Travail id, référent, tags,
 * rights opening date).
 */
export const RDV_INSERTION_PROFILE: DepartmentProfile = {
  id: 'rdv-insertion',
  label: 'rdv-insertion : liste de bénéficiaires (modèle Drôme)',
  columns: {
    lastName: ['Nom bénéficiaire', 'Nom', 'Nom usager', "Nom d'usage", 'Nom allocataire'],
    firstName: ['Prénom bénéficiaire', 'Prénom', 'Prénom usager', 'Prénom allocataire'],
    birthName: ['Nom de naissance', 'Nom JF', 'Nom de jeune fille'],
    birthDate: ['Date de naissance'],
    civility: ['Civilité', 'Titre', 'Sexe'],
    role: ['Rôle', 'Rôle dans le foyer', 'Rôle personne'],
    cafNumber: [
      'N° CAF',
      'N° Allocataire',
      'Numéro allocataire',
      'Numéro CAF',
      'N° dossier CAF',
      'Numéro allocataire CAF/MSA',
      'Matricule',
    ],
    nir: ['NIR', 'N° sécurité sociale', 'Numéro de sécurité sociale'],
    siId: [
      'ID Iodas',
      'Code individu Iodas',
      'Identifiant Iodas',
      'Identifiant département',
      'ID département',
      'Identifiant interne',
      'ID interne',
    ],
    franceTravailId: [
      'ID pôle Emploi',
      'Identifiant Pôle emploi',
      'ID France Travail',
      'Identifiant France Travail',
    ],
    email: ['Adresses Mails', 'Adresse mail', 'Adresse email', 'Email', 'E-mail', 'Mail', 'Courriel'],
    phone: [
      'N° Téléphones',
      'N° Téléphone',
      'Téléphone',
      'Téléphones',
      'Numéro de téléphone',
      'Numéro(s) de téléphone',
    ],
    address1: ['Adresse', 'Adresse 1'],
    address2: ['Complément adresse', "Complément d'adresse", 'Adresse 2'],
    address3: ['Adresse 3'],
    postalCodeCity: ['CP Ville', 'Code postal Ville'],
    postalCode: ['Code postal', 'CP'],
    city: ['Ville', 'Commune'],
    receivesRsa: ['RSA'],
    activityBonus: ['PA', "Prime d'activité"],
    franceTravailRegistered: ['PE', 'Inscrit Pôle emploi', 'Inscrit France Travail'],
    rqth: ['RQTH / AAH Oui / Non', 'RQTH / AAH', 'RQTH'],
    rightsOpenedOn: [
      "Date d'entrée",
      "Date d'entrée RSA",
      "Date d'ouverture des droits",
      'Date ouverture droits',
      'Date de début des droits',
      'Date début droits',
      'Date début droits et devoirs',
      'Date début droits - devoirs',
    ],
    referentEmails: ['Référent', 'Référents', 'Email référent', 'Mail référent'],
    structureName: ['Structure', 'Organisation'],
    tags: ['Tags', 'Étiquettes'],
    orientationDecision: ['DECISION ORIENTATION', "Décision d'orientation"],
    orientationInterviewOn: ['Reçu en entretien le'],
    cerSignedOn: ['Date CER'],
  },
  required: ['lastName', 'firstName'],
  // The Drôme "ENTRETIENS PHYSIQUES" sheet also tracks the department's own appointments: the hub takes
  // appointments and contracts from their own sources, computes delays itself, and does not import free comments
  // (data minimisation: they may hold health or family details).
  ignored: [
    'Commentaires',
    'Date envoie du courrier',
    'Heure du rdv',
    'Lieu du rdv',
    "Chargé d'orientation",
    "Modalité de l'entretien",
    '1er RDV structure',
    'Délai RDV',
    'Délai CER',
    'Réorientations',
  ],
};

export const BUILT_IN_PROFILES: readonly DepartmentProfile[] = [
  CARNET_DE_BORD_PROFILE,
  RDV_INSERTION_PROFILE,
];

export function findProfile(
  id: string,
  profiles: readonly DepartmentProfile[] = BUILT_IN_PROFILES,
): DepartmentProfile {
  const profile = profiles.find((candidate) => candidate.id === id);
  if (!profile) {
    throw new IngestFileError(
      'UNSUPPORTED_FORMAT',
      `unknown department profile "${id}" (known: ${profiles.map((p) => p.id).join(', ')})`,
    );
  }
  return profile;
}

/** Which column of the header row each field reads, and what was left over. */
export interface ColumnBinding {
  profile: DepartmentProfile;
  /** Column index (0-based) per field. */
  columns: Partial<Record<FieldName, number>>;
  /** The header as written, per column index. */
  headers: string[];
  unknownHeaders: string[];
  ignoredHeaders: string[];
  /** Headers naming a field already read from an earlier column (the first column wins). */
  duplicateHeaders: string[];
  /** Required fields whose column is missing, by the first alias (as a person would write it). */
  missingRequired: string[];
}

/** Binds a header row to a profile. Never throws; `missingRequired` says whether the profile fits. */
export function bindColumns(profile: DepartmentProfile, headerRow: readonly string[]): ColumnBinding {
  const byAlias = new Map<string, FieldName>();
  for (const field of FIELD_NAMES) {
    for (const alias of profile.columns[field] ?? []) {
      const key = normaliseHeader(alias);
      if (!byAlias.has(key)) byAlias.set(key, field);
    }
  }
  const ignored = new Set((profile.ignored ?? []).map(normaliseHeader));
  const binding: ColumnBinding = {
    profile,
    columns: {},
    headers: [...headerRow],
    unknownHeaders: [],
    ignoredHeaders: [],
    duplicateHeaders: [],
    missingRequired: [],
  };
  headerRow.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key === '') return;
    const field = byAlias.get(key);
    if (field === undefined) {
      (ignored.has(key) ? binding.ignoredHeaders : binding.unknownHeaders).push(header.trim());
    } else if (binding.columns[field] === undefined) {
      binding.columns[field] = index;
    } else {
      binding.duplicateHeaders.push(header.trim());
    }
  });
  binding.missingRequired = profile.required
    .filter((field) => binding.columns[field] === undefined)
    .map((field) => (profile.columns[field] ?? [field])[0]);
  return binding;
}

/** Number of columns a binding reads: the measure of how well a profile fits a header row. */
export function mappedCount(binding: ColumnBinding): number {
  return Object.keys(binding.columns).length;
}

/**
 * The best profile for a header row: among those whose required columns are all present, the one reading the most
 * columns (then the one with more required columns, then the first listed). `undefined` when none fits.
 */
export function detectProfile(
  headerRow: readonly string[],
  profiles: readonly DepartmentProfile[],
): { match?: ColumnBinding; closest: ColumnBinding } {
  const bindings = profiles.map((profile) => bindColumns(profile, headerRow));
  const fitting = bindings.filter((binding) => binding.missingRequired.length === 0);
  const byScore = (a: ColumnBinding, b: ColumnBinding): number =>
    mappedCount(b) - mappedCount(a) || b.profile.required.length - a.profile.required.length;
  const match = [...fitting].sort(byScore)[0];
  const closest = [...bindings].sort(
    (a, b) => a.missingRequired.length - b.missingRequired.length || byScore(a, b),
  )[0];
  return { match, closest };
}
