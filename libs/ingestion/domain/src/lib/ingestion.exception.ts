import { CustomException } from '@spie/shared/kernel';

/** Why an operation on imports or on the identity review queue was refused. */
export enum IngestionExceptionCode {
  InvalidCursor = 'INVALID_CURSOR',
  ConflictNotFound = 'IDENTITY_CONFLICT_NOT_FOUND',
  ConflictAlreadyResolved = 'IDENTITY_CONFLICT_ALREADY_RESOLVED',
  /** A merge names no person and the conflict has several candidates. */
  MergeTargetRequired = 'MERGE_TARGET_REQUIRED',
  /** A merge names a person who is not one of the conflict's candidates. */
  MergeTargetNotCandidate = 'MERGE_TARGET_NOT_CANDIDATE',
  /** A person is named with a decision other than a merge. */
  MergeTargetUnexpected = 'MERGE_TARGET_UNEXPECTED',
  /**
   * The account that sends (or resumes) a batch may not write what its source writes: details `reason` (a
   * `WriteRefusalCode`), `missing` (categories) and `source`.
   */
  ImportNotHabilitated = 'IMPORT_NOT_HABILITATED',
}

export class IngestionException extends CustomException<IngestionExceptionCode> {
  constructor(code: IngestionExceptionCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
