import { DataCategory } from './categories';

/** A text that allows a processing: what the habilitations, the audit log and the access matrix cite. */
export interface LegalBasis {
  id: string;
  /** The text and its article, as a lawyer cites them. */
  text: string;
  article: string;
  url: string;
  /** What it allows, in one sentence. */
  summary: string;
}

const CASF = 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074069/';
const CODE_DU_TRAVAIL = 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006072050/';
const GDPR = 'https://eur-lex.europa.eu/eli/reg/2016/679/oj';

export const LEGAL_BASES: readonly LegalBasis[] = [
  {
    id: 'casf-l262-29',
    text: "Code de l'action sociale et des familles",
    article: 'L.262-29',
    url: CASF,
    summary:
      'Le président du conseil départemental oriente le bénéficiaire du RSA soumis aux droits et devoirs.',
  },
  {
    id: 'casf-l263-4-1',
    text: "Code de l'action sociale et des familles (décret n° 2023-188, R.263-1 et suivants)",
    article: 'L.263-4-1',
    url: 'https://www.legifrance.gouv.fr/eli/decret/2023/3/17/2023-188/jo/texte',
    summary:
      'Traitement « Parcours insertion emploi » : les acteurs habilités consultent les données dans la limite du besoin d’en connaître.',
  },
  {
    id: 'ct-l5411-6-1',
    text: 'Code du travail',
    article: 'L.5411-6-1',
    url: CODE_DU_TRAVAIL,
    summary:
      'France Travail élabore avec le demandeur d’emploi son projet personnalisé et son contrat d’engagement.',
  },
  {
    id: 'ct-l5131-6',
    text: 'Code du travail',
    article: 'L.5131-6',
    url: CODE_DU_TRAVAIL,
    summary:
      'Les missions locales accompagnent les jeunes dans le contrat d’engagement jeune (CEJ) et le PACEA.',
  },
  {
    id: 'casf-l262-40',
    text: "Code de l'action sociale et des familles",
    article: 'L.262-40',
    url: CASF,
    summary:
      'Les organismes payeurs (CAF, MSA) transmettent au département les données des bénéficiaires du RSA.',
  },
  {
    id: 'rgpd-art15',
    text: 'Règlement (UE) 2016/679 (RGPD)',
    article: 'article 15',
    url: GDPR,
    summary: 'Toute personne a le droit d’accéder aux données qui la concernent.',
  },
  {
    id: 'rgpd-art39',
    text: 'Règlement (UE) 2016/679 (RGPD)',
    article: 'articles 38 et 39',
    url: GDPR,
    summary: 'Le délégué à la protection des données contrôle le respect du règlement, journaux compris.',
  },
];

/** Why data is read: every request names one (header `X-Spie-Purpose` or the token's `purpose` claim). */
export enum Purpose {
  Orientation = 'orientation',
  Accompagnement = 'accompagnement',
  TransmissionFlux = 'transmission_flux',
  AccesPersonne = 'acces_personne',
  ControleDpo = 'controle_dpo',
}

export interface PurposeDefinition {
  purpose: Purpose;
  /** In plain French, as the person reads it in « Qui a consulté mon dossier ». */
  label: string;
}

export const PURPOSES: Readonly<Record<Purpose, PurposeDefinition>> = {
  [Purpose.Orientation]: { purpose: Purpose.Orientation, label: 'pour décider de votre orientation' },
  [Purpose.Accompagnement]: {
    purpose: Purpose.Accompagnement,
    label: 'pour vous accompagner dans votre parcours',
  },
  [Purpose.TransmissionFlux]: {
    purpose: Purpose.TransmissionFlux,
    label: 'pour transmettre les informations de votre dossier (droits au RSA, inscription, suivi)',
  },
  [Purpose.AccesPersonne]: { purpose: Purpose.AccesPersonne, label: 'vous avez consulté votre dossier' },
  [Purpose.ControleDpo]: {
    purpose: Purpose.ControleDpo,
    label: 'pour contrôler le respect de la protection de vos données',
  },
};

export function isPurpose(value: string): value is Purpose {
  return (Object.values(Purpose) as string[]).includes(value);
}

/**
 * Which purposes each role of an agent may act for (a role never widens an organisation's habilitations). The
 * orientation team also receives the files sent to the department (the CAF/MSA flux, its own lists): it may act for
 * the transmission, whose habilitation writes and reads nothing, so it is never the implied purpose of a read.
 */
export const ROLE_PURPOSES: Readonly<Record<string, readonly Purpose[]>> = {
  orientation: [Purpose.Orientation, Purpose.TransmissionFlux],
  referent: [Purpose.Accompagnement],
  adviser: [Purpose.Accompagnement],
  connector: [Purpose.TransmissionFlux],
  dpo: [Purpose.ControleDpo],
  admin: [],
};

/**
 * What an organisation of a type is habilitated for when it joins the hub: the seed turns these templates into
 * `habilitation` rows, which administrators then revoke, restrict or extend one by one.
 */
export interface HabilitationTemplate {
  purpose: Purpose;
  legalBasis: string;
  read: readonly DataCategory[];
  write: readonly DataCategory[];
  /** Months the organisation keeps what it imports (R.263-8: 2 years active + 2 years archive). */
  retentionMonths: number;
}

const C = DataCategory;
const ACCOMPANIMENT_READ = [
  C.Identity,
  C.Contact,
  C.RsaRights,
  C.DiagnosticSocial,
  C.DiagnosticHealth,
  C.DiagnosticProfessional,
  C.Contract,
  C.Orientation,
  C.Appointments,
] as const;
const ACCOMPANIMENT_WRITE = [
  C.Contact,
  C.DiagnosticSocial,
  C.DiagnosticHealth,
  C.DiagnosticProfessional,
  C.Contract,
] as const;

/** What the RSA beneficiary flux carries (CASF L.262-40), written by CAF/MSA and by the department that receives it. */
const TRANSMISSION_RSA_WRITE = [C.Identity, C.Nir, C.Household, C.RsaRights, C.Resources, C.Contact] as const;

export const HABILITATION_TEMPLATES: Readonly<Record<string, readonly HabilitationTemplate[]>> = {
  department: [
    {
      purpose: Purpose.Orientation,
      legalBasis: 'casf-l262-29',
      read: [
        C.Identity,
        C.Contact,
        C.Household,
        C.RsaRights,
        C.Resources,
        C.DiagnosticSocial,
        C.DiagnosticProfessional,
        C.Contract,
        C.Orientation,
        C.Appointments,
      ],
      write: [C.Orientation],
      retentionMonths: 48,
    },
    {
      purpose: Purpose.Accompagnement,
      legalBasis: 'casf-l263-4-1',
      read: [...ACCOMPANIMENT_READ, C.Household],
      // The department keeps the RSA file: its référent applies the identity corrections the person asks for.
      write: [...ACCOMPANIMENT_WRITE, C.Identity],
      retentionMonths: 48,
    },
    {
      // The department receives the CAF/MSA flux (L.262-40) and loads its own beneficiary lists: it may send those
      // files itself (its orientation team, its technical account). Writes only, through imports.
      purpose: Purpose.TransmissionFlux,
      legalBasis: 'casf-l262-40',
      read: [],
      write: TRANSMISSION_RSA_WRITE,
      retentionMonths: 48,
    },
  ],
  france_travail_agency: [
    {
      purpose: Purpose.Accompagnement,
      legalBasis: 'ct-l5411-6-1',
      read: ACCOMPANIMENT_READ,
      write: ACCOMPANIMENT_WRITE,
      retentionMonths: 48,
    },
    {
      // France Travail records what it knows of its job seekers in the shared processing (its files and diagnostic
      // API): its technical account only (role `connector`).
      purpose: Purpose.TransmissionFlux,
      legalBasis: 'casf-l263-4-1',
      read: [],
      write: [
        C.Identity,
        C.Contact,
        C.Orientation,
        C.Contract,
        C.DiagnosticSocial,
        C.DiagnosticHealth,
        C.DiagnosticProfessional,
      ],
      retentionMonths: 48,
    },
  ],
  mission_locale: [
    {
      purpose: Purpose.Accompagnement,
      legalBasis: 'ct-l5131-6',
      read: ACCOMPANIMENT_READ.filter((c) => c !== C.RsaRights),
      write: ACCOMPANIMENT_WRITE,
      retentionMonths: 48,
    },
    {
      // The mission locale's i-Milo events (the young person and their CEJ): its technical account only.
      purpose: Purpose.TransmissionFlux,
      legalBasis: 'casf-l263-4-1',
      read: [],
      write: [C.Identity, C.Contact, C.Orientation],
      retentionMonths: 48,
    },
  ],
  cap_emploi: [
    {
      purpose: Purpose.Accompagnement,
      legalBasis: 'casf-l263-4-1',
      read: ACCOMPANIMENT_READ,
      write: ACCOMPANIMENT_WRITE,
      retentionMonths: 48,
    },
  ],
  ...Object.fromEntries(
    ['plie', 'delegated_operator', 'association'].map((type) => [
      type,
      [
        {
          purpose: Purpose.Accompagnement,
          legalBasis: 'casf-l263-4-1',
          // Without the "garanties appropriées" of R.263-5, no health data.
          read: ACCOMPANIMENT_READ.filter((c) => c !== C.DiagnosticHealth && c !== C.RsaRights),
          write: ACCOMPANIMENT_WRITE.filter((c) => c !== C.DiagnosticHealth),
          retentionMonths: 48,
        },
      ],
    ]),
  ),
  ...Object.fromEntries(
    ['caf', 'msa'].map((type) => [
      type,
      [
        {
          purpose: Purpose.TransmissionFlux,
          legalBasis: 'casf-l262-40',
          read: [],
          write: TRANSMISSION_RSA_WRITE,
          retentionMonths: 48,
        },
      ],
    ]),
  ),
};

/** The DPO's habilitation: the access log, never a file. Granted to the organisation that employs the DPO. */
export const DPO_HABILITATION: HabilitationTemplate = {
  purpose: Purpose.ControleDpo,
  legalBasis: 'rgpd-art39',
  read: [C.AccessLog],
  write: [],
  retentionMonths: 12,
};

/** What the person reads about themselves (GDPR art. 15): everything but the NIR itself. */
export const SELF_ACCESS: HabilitationTemplate = {
  purpose: Purpose.AccesPersonne,
  legalBasis: 'rgpd-art15',
  read: Object.values(DataCategory).filter((c) => c !== C.Nir),
  write: [C.Contact],
  retentionMonths: 0,
};
