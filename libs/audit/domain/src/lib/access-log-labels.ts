/**
 * Plain French words for the person's access log: the codes stored in the audit log (purpose, data categories,
 * operation) as the person reads them. The registries of purposes and categories are data of the access layer; these
 * defaults cover the codes of the issue and are replaced by passing other maps (see `accessLogLabels`).
 */
export const DEFAULT_PURPOSE_LABELS: Readonly<Record<string, string>> = {
  orientation: 'Décider de votre orientation vers un accompagnement',
  accompaniment: 'Vous accompagner dans votre parcours vers l’emploi',
  accompagnement: 'Vous accompagner dans votre parcours vers l’emploi',
  contract: 'Préparer ou suivre votre contrat d’engagement',
  rights: 'Examiner vos droits au RSA',
  diagnostic: 'Établir votre diagnostic socio-professionnel',
  access_review: 'Contrôler les accès à vos données (délégué à la protection des données)',
  transmission_flux: 'Transmettre vos droits au RSA au département',
  acces_personne: 'Votre propre consultation de votre dossier',
  controle_dpo: 'Contrôler les accès à vos données (délégué à la protection des données)',
};

export const DEFAULT_CATEGORY_LABELS: Readonly<Record<string, string>> = {
  identity: 'Identité',
  contact: 'Coordonnées',
  nir: 'Numéro de sécurité sociale',
  household: 'Composition du foyer',
  rsa_rights: 'Droits au RSA',
  resources: 'Ressources',
  diagnostic_social: 'Diagnostic social',
  diagnostic_health: 'Santé (diagnostic)',
  diagnostic_professional: 'Diagnostic professionnel',
  contract: 'Contrat d’engagement',
  orientation: 'Orientation',
  appointments: 'Rendez-vous',
  access_log: 'Journal des accès',
};

export const DEFAULT_OPERATION_LABELS: Readonly<Record<string, string>> = {
  'person.read': 'Consultation de votre dossier',
  'person.search': 'Recherche de votre dossier',
  'person.export': 'Export de votre dossier',
  'contract.read': 'Consultation de votre contrat',
  'contract.sign': 'Signature de votre contrat',
  'diagnostic.read': 'Consultation de votre diagnostic',
  'orientation.decide': 'Décision d’orientation',
  'audit.search': 'Contrôle du journal des accès',
};

/** What the access log shows when the entry names no purpose. */
export const UNSTATED_PURPOSE_LABEL = 'Motif non précisé';

export interface AccessLogLabels {
  purpose(code: string | null): string;
  category(code: string): string;
  operation(code: string): string;
}

/**
 * Labels from maps, the defaults filling what they do not name. An unknown code is shown as it is: a code the person
 * cannot read is still better than an entry left out.
 */
export function accessLogLabels(
  overrides: {
    purposes?: Readonly<Record<string, string>>;
    categories?: Readonly<Record<string, string>>;
    operations?: Readonly<Record<string, string>>;
  } = {},
): AccessLogLabels {
  const purposes = { ...DEFAULT_PURPOSE_LABELS, ...overrides.purposes };
  const categories = { ...DEFAULT_CATEGORY_LABELS, ...overrides.categories };
  const operations = { ...DEFAULT_OPERATION_LABELS, ...overrides.operations };
  return {
    purpose: (code) => (code === null ? UNSTATED_PURPOSE_LABEL : (purposes[code] ?? code)),
    category: (code) => categories[code] ?? code,
    operation: (code) => operations[code] ?? code,
  };
}
