import { CustomException } from '@spie/shared/kernel';

export enum ReferentielExceptionCode {
  UnknownCode = 'UNKNOWN_CODE',
  ClosedCode = 'CLOSED_CODE',
  VersionConflict = 'VERSION_CONFLICT',
  InvalidVersion = 'INVALID_VERSION',
}

export class ReferentielException extends CustomException<ReferentielExceptionCode> {
  constructor(code: ReferentielExceptionCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
