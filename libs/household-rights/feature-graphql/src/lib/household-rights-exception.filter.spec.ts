import { HouseholdRightsException, HouseholdRightsExceptionCode } from '@spie/household-rights/domain';

import {
  HouseholdRightsExceptionFilter,
  householdRightsErrorCode,
} from './household-rights-exception.filter';

describe('householdRightsErrorCode', () => {
  it('should give every household-rights code a client code when the enum is walked', () => {
    const mapped = Object.fromEntries(
      Object.values(HouseholdRightsExceptionCode).map((code) => [code, householdRightsErrorCode(code)]),
    );
    expect(mapped).toEqual({
      HOUSEHOLD_NOT_FOUND: 'NOT_FOUND',
      HOUSEHOLD_PERSON_NOT_FOUND: 'NOT_FOUND',
      PERSON_NOT_HOUSEHOLD_MEMBER: 'CONFLICT',
      DUPLICATE_HOUSEHOLD_MEMBER: 'BAD_USER_INPUT',
      INVALID_ETAT_DOSSIER: 'BAD_USER_INPUT',
      INVALID_REFERENCE_MONTH: 'BAD_USER_INPUT',
      INVALID_HOUSEHOLD_RIGHTS_DATE: 'BAD_USER_INPUT',
      UNKNOWN_HOUSEHOLD_RIGHTS_CODE: 'BAD_USER_INPUT',
    });
  });

  it('should keep the details out of the client error when the filter catches an exception', () => {
    const error = new HouseholdRightsExceptionFilter().catch(
      new HouseholdRightsException(HouseholdRightsExceptionCode.HouseholdNotFound, 'Household not found', {
        matricule: '1234567',
      }),
    );
    expect(error.extensions).toEqual({ code: 'NOT_FOUND', reason: 'HOUSEHOLD_NOT_FOUND' });
    expect(JSON.stringify(error)).not.toContain('1234567');
  });
});
