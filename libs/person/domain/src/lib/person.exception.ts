import { CustomException } from '@spie/shared/kernel';

export enum PersonExceptionCode {
  PersonNotFound = 'PERSON_NOT_FOUND',
  InvalidNir = 'INVALID_NIR',
  NirAlreadyKnown = 'NIR_ALREADY_KNOWN',
  IdentifierAlreadyKnown = 'IDENTIFIER_ALREADY_KNOWN',
  SearchTooBroad = 'SEARCH_TOO_BROAD',
}

export class PersonException extends CustomException<PersonExceptionCode> {
  constructor(code: PersonExceptionCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}
