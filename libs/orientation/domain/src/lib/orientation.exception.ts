import { CustomException } from '@spie/shared/kernel';

export enum OrientationExceptionCode {
  PersonNotFound = 'ORIENTATION_PERSON_NOT_FOUND',
  StructureNotFound = 'STRUCTURE_NOT_FOUND',
  ReferentNotFound = 'REFERENT_NOT_FOUND',
  ReferentNotInStructure = 'REFERENT_NOT_IN_STRUCTURE',
  ReferentInactive = 'REFERENT_INACTIVE',
  InvalidOrientationType = 'INVALID_ORIENTATION_TYPE',
  DecisionInFuture = 'ORIENTATION_DECISION_IN_FUTURE',
  ConcurrentOrientation = 'CONCURRENT_ORIENTATION',
}

export class OrientationException extends CustomException<OrientationExceptionCode> {
  constructor(code: OrientationExceptionCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
