/** Plain French for the codes the API returns. */

export const RSA_STATUS: Record<string, string> = {
  pending: 'Votre demande de RSA est en cours d’examen.',
  refused: 'Votre demande de RSA a été refusée.',
  open: 'Votre droit au RSA est ouvert.',
  open_suspended: 'Votre droit au RSA est ouvert, mais le versement est suspendu.',
  suspended_payment: 'Votre droit au RSA est ouvert, mais le versement est suspendu.',
  closed: 'Votre droit au RSA est fermé.',
  closed_previous: 'Votre droit au RSA est fermé.',
};

export const RSA_STATUS_SHORT: Record<string, string> = {
  pending: 'en cours d’examen',
  refused: 'refusé',
  open: 'ouvert',
  open_suspended: 'ouvert, versement suspendu',
  suspended_payment: 'ouvert, versement suspendu',
  closed: 'fermé',
  closed_previous: 'fermé',
};

export const ORIENTATION_TYPE: Record<string, string> = {
  social: 'un accompagnement social (logement, santé, budget, famille…)',
  socio_pro: 'un accompagnement social et professionnel',
  pro: 'un accompagnement vers l’emploi',
};

export const CONTRACT_TYPE: Record<string, string> = {
  cer: 'Contrat d’engagement réciproque (CER)',
  ppae: 'Projet personnalisé d’accès à l’emploi (PPAE)',
  cej: 'Contrat d’engagement jeune (CEJ)',
  pacea: 'Parcours contractualisé d’accompagnement (PACEA)',
  contrat_engagement: 'Contrat d’engagement',
};

export const CONTRACT_STATUS: Record<string, string> = {
  draft: 'en préparation',
  signed: 'signé',
  active: 'en cours',
  suspended: 'suspendu',
  ended: 'terminé',
};

export const ACTION_STATUS: Record<string, string> = {
  planned: 'prévue',
  in_progress: 'en cours',
  done: 'faite',
  abandoned: 'abandonnée',
  canceled: 'annulée',
  standby: 'en attente',
};

export const SOURCE: Record<string, string> = {
  caf: 'CAF',
  msa: 'MSA',
  department: 'Département',
  france_travail: 'France Travail',
  mission_locale: 'Mission locale',
  hub: 'SPIE',
  person: 'la personne',
};

export const NEED_VALUE: Record<string, string> = {
  POINT_FORT: 'point fort',
  BESOIN: 'besoin d’aide',
  NON_EXPLORE: 'pas encore abordé',
  OUI: 'oui',
  NON_ABORDEE: 'pas encore abordé',
  CLOTUREE: 'réglé',
};

/** The purposes an agent may act for, by role (mirror of the access layer's ROLE_PURPOSES), in plain French. */
export const ROLE_PURPOSES: Record<string, string[]> = {
  orientation: ['orientation'],
  referent: ['accompagnement'],
  adviser: ['accompagnement'],
  connector: ['transmission_flux'],
  dpo: ['controle_dpo'],
};

export const PURPOSE_LABEL: Record<string, string> = {
  orientation: 'Orientation des nouveaux entrants',
  accompagnement: 'Accompagnement des personnes suivies',
  transmission_flux: 'Transmission des flux',
  controle_dpo: 'Contrôle (délégué à la protection des données)',
};

export function label(map: Record<string, string>, code: string | null | undefined): string {
  if (!code) return '—';
  return map[code] ?? code;
}
