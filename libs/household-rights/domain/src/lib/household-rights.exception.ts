import { CustomException } from '@spie/shared/kernel';

export enum HouseholdRightsExceptionCode {
  HouseholdNotFound = 'HOUSEHOLD_NOT_FOUND',
  PersonNotFound = 'HOUSEHOLD_PERSON_NOT_FOUND',
  PersonNotMember = 'PERSON_NOT_HOUSEHOLD_MEMBER',
  DuplicateMember = 'DUPLICATE_HOUSEHOLD_MEMBER',
  InvalidEtatDossier = 'INVALID_ETAT_DOSSIER',
  InvalidReferenceMonth = 'INVALID_REFERENCE_MONTH',
  InvalidDate = 'INVALID_HOUSEHOLD_RIGHTS_DATE',
  UnknownCode = 'UNKNOWN_HOUSEHOLD_RIGHTS_CODE',
}

export class HouseholdRightsException extends CustomException<HouseholdRightsExceptionCode> {
  constructor(code: HouseholdRightsExceptionCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
