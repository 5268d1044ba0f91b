import { HouseholdRightsException, HouseholdRightsExceptionCode } from './household-rights.exception';

/** Plain status of an RSA right, derived from the CAF/MSA `ETATDOSRSA` (référentiel `etat-dossier-rsa`, attributes.status). */
export const RSA_STATUSES = [
  'pending',
  'refused',
  'open',
  'open_suspended',
  'suspended_payment',
  'closed',
  'closed_previous',
] as const;

export type RsaStatus = (typeof RSA_STATUSES)[number];

/** `ETATDOSRSA` code → status. Codes are the flux's own, 0 to 6. */
const STATUS_BY_ETAT_DOSSIER: Readonly<Record<string, RsaStatus>> = {
  '0': 'pending',
  '1': 'refused',
  '2': 'open',
  '3': 'open_suspended',
  '4': 'suspended_payment',
  '5': 'closed',
  '6': 'closed_previous',
};

/** Statuses under which the right exists (ETATDOSRSA 2, 3, 4): the person is a beneficiary. */
const OPEN_STATUSES: ReadonlySet<RsaStatus> = new Set(['open', 'open_suspended', 'suspended_payment']);

/** Maps an `ETATDOSRSA` code (0–6) to its status; anything else is refused with `INVALID_ETAT_DOSSIER`. */
export function rsaStatusFromEtatDossier(code: string): RsaStatus {
  const status = Object.prototype.hasOwnProperty.call(STATUS_BY_ETAT_DOSSIER, code)
    ? STATUS_BY_ETAT_DOSSIER[code]
    : undefined;
  if (!status) {
    throw new HouseholdRightsException(
      HouseholdRightsExceptionCode.InvalidEtatDossier,
      'ETATDOSRSA must be a code from 0 to 6',
      {
        etatDossier: code,
      },
    );
  }
  return status;
}

export function isRsaRightOpen(status: RsaStatus): boolean {
  return OPEN_STATUSES.has(status);
}
