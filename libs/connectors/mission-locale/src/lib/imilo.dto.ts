/**
 * The i-Milo API as the CEJ back end (`France-Travail/pass-emploi-api`) reads it, behind the Gravitee gateway of the
 * missions locales: every call carries `X-Gravitee-Api-Key`. Names are i-Milo's (French) so that a DTO can be compared
 * with a payload field by field; the hub's own names start in the mapper.
 *
 * Sources: `src/infrastructure/repositories/dto/milo.dto.ts` and `src/infrastructure/clients/milo-client.ts` of
 * pass-emploi-api v9.23, and its fixtures. i-Milo sends numbers for `idDossier`, `idType` and `id`; older payloads
 * (and some fixtures) carry them as strings, so the client accepts both and the mapper hands out strings.
 */

/** `JeuneMilo.EtatSituation`. */
export const MILO_SITUATION_STATES = ['PREVU', 'EN_COURS', 'TERMINE'] as const;
export type MiloSituationState = (typeof MILO_SITUATION_STATES)[number];

/** `JeuneMilo.CategorieSituation`: i-Milo sends the label, not a code (some screens say `Immersion` only). */
export const MILO_SITUATION_CATEGORIES = [
  'Emploi',
  'Contrat en Alternance',
  'Formation',
  'Immersion en entreprise',
  'Pmsmp',
  'Contrat de volontariat - bénévolat',
  'Scolarité',
  "Demandeur d'emploi",
  /** Seen in the adviser front end, not in the back-end enum. */
  'Sans situation',
] as const;
export type MiloSituationCategory = (typeof MILO_SITUATION_CATEGORIES)[number];

/** `RendezVousMilo.Statut`. */
export const MILO_RDV_STATUSES = [
  'Absent',
  'Annulé',
  'Non précisé',
  'Planifié',
  'Présent',
  'Reporté',
] as const;
export type MiloRdvStatus = (typeof MILO_RDV_STATUSES)[number];

/** `EvenementMiloDto.type`: the business object an event is about. */
export const IMILO_EVENT_TYPES = ['DOSSIER', 'RDV', 'SESSION'] as const;
export type ImiloEventType = (typeof IMILO_EVENT_TYPES)[number];

/** `EvenementMiloDto.action`. */
export const IMILO_EVENT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'ARCHIVE'] as const;
export type ImiloEventAction = (typeof IMILO_EVENT_ACTIONS)[number];

export interface DossierMiloAdresseDto {
  numero: string | null;
  libelleVoie: string | null;
  complement: string | null;
  codePostal: string | null;
  commune: string | null;
}

export interface DossierMiloStructureDto {
  nomUsuel: string | null;
  nomOfficiel: string | null;
  /** e.g. `65440S00`; absent in some payloads. */
  codeStructure?: string | null;
}

export interface DossierMiloAccompagnementCejDto {
  accompagnementCEJ: boolean;
  /** `yyyy-MM-dd`. */
  dateDebut: string | null;
  dateFinPrevue: string | null;
  dateFinReelle: string | null;
  premierAccompagnement: string | null;
}

export interface DossierMiloSituationDto {
  etat: string;
  dateFin: string | null;
  categorieSituation: string;
  codeRomeMetierPrepare: string | null;
  codeRomePremierMetier: string | null;
  codeRomeMetierExerce: string | null;
}

/** `GET sue/dossiers/{idDossier}`. */
export interface DossierMiloDto {
  idDossier: number | string;
  /** i-Milo's person id (a long digit string), distinct from the dossier. */
  idJeune: string | null;
  /** The France Travail number of a job seeker (`4053956Z`), when the young person is registered. */
  numeroDE: string | null;
  adresse?: DossierMiloAdresseDto | null;
  nomNaissance: string | null;
  nomUsage: string | null;
  prenom: string;
  /** `yyyy-MM-dd`. */
  dateNaissance: string;
  mail: string | null;
  structureRattachement?: DossierMiloStructureDto | null;
  accompagnementCEJ: DossierMiloAccompagnementCejDto;
  situations: DossierMiloSituationDto[];
}

/** `GET operateurs/events`: one item of the event queue. The queue keeps an event until it is acknowledged. */
export interface EvenementMiloDto {
  /** Technical id (a 24-hex ObjectId): the key of `POST operateurs/events/{identifiant}/ack`. */
  identifiant: string;
  idDossier: number | string;
  type: string;
  action: string;
  /** Id of the object (`RDV` id, session instance id); null for dossier events. */
  idType: number | string | null;
  /** ISO 8601, UTC (`2022-10-24T08:00:34Z`). */
  date: string;
}

/** `GET operateurs/dossiers/{idDossier}/rdv/{idRdv}`. Dates are `yyyy-MM-dd HH:mm:ss`, wall time of the structure. */
export interface RendezVousMiloDto {
  id: number | string;
  dateHeureDebut: string;
  dateHeureFin?: string | null;
  objet: string;
  /** The adviser's name as i-Milo displays it. */
  conseiller: string;
  idDossier: number | string;
  commentaire?: string | null;
  lieu?: string | null;
  /** Free label (`Téléphone`, `Entretien individuel`…). */
  type: string;
  statut: string;
}

/** Error body of the i-Milo back end (`{ message }`, sometimes a `code` such as `SUE_ACCOUNT_EXISTING_OTHER_ML`). */
export interface ImiloErrorBody {
  message: string;
  code?: string;
}

/** Error body of the Gravitee gateway (missing key, quota). */
export interface GraviteeErrorBody {
  message: string;
  http_status_code: number;
}
