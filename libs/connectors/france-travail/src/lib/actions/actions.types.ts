/** The 11 columns of the France Travail "fichier actions" (prescriptions and actions of each job seeker). */
export const ACTIONS_COLUMNS = [
  'identifiant_unique_de',
  'codeaction',
  'lblaction',
  'objectif_formation',
  'date_prescription',
  'date_realisation_action',
  'date_prev_debut',
  'date_debut',
  'date_fin',
  'formation',
  'adr.dc_commune_id',
] as const;

export type ActionsColumn = (typeof ACTIONS_COLUMNS)[number];

/** One line of the actions file. Dates are YYYY-MM-DD. */
export interface FranceTravailActionRecord {
  /** `identifiant_unique_de`. */
  franceTravailId: string;
  /** `codeaction` (`CEJ`, `A14`, `EFO`…; `XXX` is common and says nothing). */
  actionCode: string;
  /** `lblaction`. */
  label: string;
  /**
   * Our `theme` code for the label, from the carnet-de-bord categorisation (`emploi`, `formation`,
   * `difficulte_financiere`, `sante`); `null` with a warning when the label is unknown or uncategorised.
   */
  themeCode: string | null;
  /** `objectif_formation`. */
  trainingObjective: string | null;
  /** `date_prescription`. */
  prescribedOn: string | null;
  /** `date_realisation_action`. */
  doneOn: string | null;
  /** `date_prev_debut`. */
  plannedStartOn: string | null;
  /** `date_debut`. */
  startOn: string | null;
  /** `date_fin`. */
  endOn: string | null;
  /** `formation`: the training domain. */
  training: string | null;
  /** `adr.dc_commune_id`: INSEE code of the person's commune. */
  communeCode: string | null;
}
