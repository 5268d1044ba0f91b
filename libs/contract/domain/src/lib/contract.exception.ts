import { CustomException } from '@spie/shared/kernel';

export enum ContractExceptionCode {
  ContractNotFound = 'CONTRACT_NOT_FOUND',
  PersonNotFound = 'PERSON_NOT_FOUND',
  ActionNotFound = 'ACTION_NOT_FOUND',
  ObjectiveNotFound = 'OBJECTIVE_NOT_FOUND',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  ReferentNotFound = 'REFERENT_NOT_FOUND',
  /** The command is not allowed from the contract's current status. */
  InvalidTransition = 'INVALID_TRANSITION',
  /** A signed version never changes: amend the contract to get a new draft version. */
  SignedVersionImmutable = 'SIGNED_VERSION_IMMUTABLE',
  /** Signing needs a draft version, and there is none (sign again after `amend`). */
  NoDraftVersion = 'NO_DRAFT_VERSION',
  /** An amendment is already being drafted. */
  AmendmentInProgress = 'AMENDMENT_IN_PROGRESS',
  /** Following up an action needs the version it belongs to to be signed. */
  ActionNotSigned = 'ACTION_NOT_SIGNED',
  /** Following up an objective needs the version it belongs to to be signed. */
  ObjectiveNotSigned = 'OBJECTIVE_NOT_SIGNED',
  InvalidDates = 'INVALID_DATES',
  /** A contract of engagement is reciprocal: it is signed only with the person's agreement. */
  PersonAgreementRequired = 'PERSON_AGREEMENT_REQUIRED',
  ReasonRequired = 'REASON_REQUIRED',
  /** An objective or action needs a référentiel code or a label. */
  LabelRequired = 'LABEL_REQUIRED',
  UnknownCode = 'UNKNOWN_CODE',
  ClosedCode = 'CLOSED_CODE',
  /** An objective or action code of another theme than the objective's. */
  CodeOutsideTheme = 'CODE_OUTSIDE_THEME',
}

/** `details.fields` names the input fields at fault (paths such as `objectives.0.actions.1.code`). */
export class ContractException extends CustomException<ContractExceptionCode> {
  constructor(
    code: ContractExceptionCode,
    message: string,
    details?: Record<string, unknown> & { fields?: string[] },
  ) {
    super(code, message, details);
  }
}
