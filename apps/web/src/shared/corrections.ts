import { NEED_VALUE } from './words';

export interface CorrectionProposal {
  identityField: string | null;
  themeCode: string | null;
  itemKind: 'situation' | 'need' | 'constraint' | null;
  code: string | null;
  label: string | null;
  remove: boolean;
  value: string | null;
}

export interface CorrectionRequest {
  id: string;
  topic: 'IDENTITY' | 'DIAGNOSTIC';
  message: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  createdAt: string;
  decidedAt: string | null;
  comment: string | null;
  proposal: CorrectionProposal | null;
  appliedAt: string | null;
}

export const CORRECTION_FIELDS = /* GraphQL */ `
  id
  topic
  message
  status
  createdAt
  decidedAt
  comment
  appliedAt
  proposal {
    identityField
    themeCode
    itemKind
    code
    label
    remove
    value
  }
`;

export const CORRECTION_TOPIC: Record<string, string> = {
  IDENTITY: 'Identité',
  DIAGNOSTIC: 'Situation (diagnostic)',
};

export const CORRECTION_STATUS: Record<string, string> = {
  PENDING: 'en attente',
  ACCEPTED: 'acceptée',
  DECLINED: 'refusée',
};

/** The identity values a person may ask to correct, in plain French. */
export const IDENTITY_FIELD: Record<string, string> = {
  lastName: 'Nom d’usage',
  birthName: 'Nom de naissance',
  firstNames: 'Prénoms',
  birthDate: 'Date de naissance',
  birthPlace: 'Lieu de naissance',
};

/** « Prénoms : Aurélie Marie-Anne », « Retirer : Pas de permis de conduire »… */
export function describeProposal(proposal: CorrectionProposal): string {
  if (proposal.identityField)
    return `${IDENTITY_FIELD[proposal.identityField] ?? proposal.identityField} : ${proposal.value ?? ''}`;
  const what = proposal.label ?? proposal.code ?? '';
  if (proposal.remove) return `Ce n’est plus vrai : ${what}`;
  return proposal.value ? `${what} : ${NEED_VALUE[proposal.value] ?? proposal.value}` : `À ajouter : ${what}`;
}
