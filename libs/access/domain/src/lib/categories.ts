/**
 * Data categories: the unit of every access rule (habilitations, masks, oppositions, audit). A field of the hub belongs
 * to exactly one category (see `field-categories.ts`).
 */
export enum DataCategory {
  Identity = 'identity',
  Contact = 'contact',
  Nir = 'nir',
  Household = 'household',
  RsaRights = 'rsa_rights',
  Resources = 'resources',
  DiagnosticSocial = 'diagnostic_social',
  DiagnosticHealth = 'diagnostic_health',
  DiagnosticProfessional = 'diagnostic_professional',
  Contract = 'contract',
  Orientation = 'orientation',
  Appointments = 'appointments',
  AccessLog = 'access_log',
}

export interface CategoryDefinition {
  category: DataCategory;
  /** What the person reads in their access log ("votre situation de santé"). */
  label: string;
  /** GDPR art. 9 special category (health, RQTH): two-factor sign-in required, never imported in bulk. */
  special: boolean;
  /** Whether the person may object to partners reading it (CASF L.263-4-1; CNIL 2023-005). */
  opposable: boolean;
}

export const CATEGORIES: Readonly<Record<DataCategory, CategoryDefinition>> = {
  [DataCategory.Identity]: {
    category: DataCategory.Identity,
    label: 'votre identité',
    special: false,
    opposable: false,
  },
  [DataCategory.Contact]: {
    category: DataCategory.Contact,
    label: 'vos coordonnées',
    special: false,
    opposable: true,
  },
  [DataCategory.Nir]: {
    category: DataCategory.Nir,
    label: 'votre numéro de sécurité sociale',
    special: false,
    opposable: false,
  },
  [DataCategory.Household]: {
    category: DataCategory.Household,
    label: 'votre foyer',
    special: false,
    opposable: false,
  },
  [DataCategory.RsaRights]: {
    category: DataCategory.RsaRights,
    label: 'votre droit au RSA',
    special: false,
    opposable: false,
  },
  [DataCategory.Resources]: {
    category: DataCategory.Resources,
    label: 'vos ressources',
    special: false,
    opposable: false,
  },
  [DataCategory.DiagnosticSocial]: {
    category: DataCategory.DiagnosticSocial,
    label: 'votre situation personnelle (logement, mobilité, famille, budget)',
    special: false,
    opposable: true,
  },
  [DataCategory.DiagnosticHealth]: {
    category: DataCategory.DiagnosticHealth,
    label: 'votre santé',
    special: true,
    opposable: true,
  },
  [DataCategory.DiagnosticProfessional]: {
    category: DataCategory.DiagnosticProfessional,
    label: 'votre parcours professionnel',
    special: false,
    opposable: false,
  },
  [DataCategory.Contract]: {
    category: DataCategory.Contract,
    label: 'votre contrat d’engagement',
    special: false,
    opposable: false,
  },
  [DataCategory.Orientation]: {
    category: DataCategory.Orientation,
    label: 'votre orientation et votre référent',
    special: false,
    opposable: false,
  },
  [DataCategory.Appointments]: {
    category: DataCategory.Appointments,
    label: 'vos rendez-vous',
    special: false,
    opposable: true,
  },
  [DataCategory.AccessLog]: {
    category: DataCategory.AccessLog,
    label: 'le journal des consultations de votre dossier',
    special: false,
    opposable: false,
  },
};

export const ALL_CATEGORIES: readonly DataCategory[] = Object.values(DataCategory);

export function isDataCategory(value: string): value is DataCategory {
  return (ALL_CATEGORIES as readonly string[]).includes(value);
}
