import { CustomException } from '@spie/shared/kernel';

export enum DiagnosticExceptionCode {
  PersonNotFound = 'PERSON_NOT_FOUND',
  /** A code is not in its référentiel list (same reason as the référentiel's own `UNKNOWN_CODE`). */
  UnknownCode = 'UNKNOWN_CODE',
  /** A code was closed by a later référentiel version and may no longer be chosen. */
  ClosedCode = 'CLOSED_CODE',
  /** A situation, need or constraint that belongs to another theme than the one it is recorded under. */
  CodeOutsideTheme = 'CODE_OUTSIDE_THEME',
  /** A graded value the code does not accept (e.g. a constraint answered `BESOIN`). */
  InvalidValue = 'INVALID_VALUE',
  DuplicateTheme = 'DUPLICATE_THEME',
  DuplicateItem = 'DUPLICATE_ITEM',
  DuplicateProject = 'DUPLICATE_PROJECT',
  InvalidRomeCode = 'INVALID_ROME_CODE',
  /** No référentiel version is loaded: an installation problem, not the caller's. */
  ReferentielNotLoaded = 'REFERENTIEL_NOT_LOADED',
}

/** `details.fields` names the input fields at fault (paths such as `themes.0.situations.1`). */
export class DiagnosticException extends CustomException<DiagnosticExceptionCode> {
  constructor(
    code: DiagnosticExceptionCode,
    message: string,
    details?: Record<string, unknown> & { fields?: string[] },
  ) {
    super(code, message, details);
  }
}
