import { OrientationException, OrientationExceptionCode } from '@spie/orientation/domain';

import { OrientationExceptionFilter, orientationErrorCode } from './orientation-exception.filter';

describe('orientationErrorCode', () => {
  it('should give every orientation code a client code when the enum is walked', () => {
    const mapped = Object.fromEntries(
      Object.values(OrientationExceptionCode).map((code) => [code, orientationErrorCode(code)]),
    );
    expect(mapped).toEqual({
      ORIENTATION_PERSON_NOT_FOUND: 'NOT_FOUND',
      STRUCTURE_NOT_FOUND: 'NOT_FOUND',
      REFERENT_NOT_FOUND: 'NOT_FOUND',
      REFERENT_NOT_IN_STRUCTURE: 'BAD_USER_INPUT',
      REFERENT_INACTIVE: 'BAD_USER_INPUT',
      INVALID_ORIENTATION_TYPE: 'BAD_USER_INPUT',
      ORIENTATION_DECISION_IN_FUTURE: 'BAD_USER_INPUT',
      CONCURRENT_ORIENTATION: 'CONFLICT',
    });
  });

  it('should answer with the code, the message and the reason when the filter catches an exception', () => {
    const error = new OrientationExceptionFilter().catch(
      new OrientationException(
        OrientationExceptionCode.ReferentNotInStructure,
        'The référent does not belong to the structure',
        {
          referentAgentId: 'secret-id',
        },
      ),
    );
    expect({ message: error.message, extensions: error.extensions }).toEqual({
      message: 'The référent does not belong to the structure',
      extensions: { code: 'BAD_USER_INPUT', reason: 'REFERENT_NOT_IN_STRUCTURE' },
    });
  });
});
