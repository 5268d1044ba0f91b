import { ReferentielException, ReferentielExceptionCode } from '@spie/referentiel/domain';

import { ReferentielExceptionFilter, referentielErrorCode } from './referentiel-exception.filter';

describe('referentielErrorCode', () => {
  it('should give every référentiel code a client code when the enum is walked', () => {
    const mapped = Object.fromEntries(
      Object.values(ReferentielExceptionCode).map((code) => [code, referentielErrorCode(code)]),
    );
    expect(mapped).toEqual({
      UNKNOWN_CODE: 'BAD_USER_INPUT',
      CLOSED_CODE: 'BAD_USER_INPUT',
      VERSION_CONFLICT: 'CONFLICT',
      INVALID_VERSION: 'BAD_USER_INPUT',
    });
  });

  it('should name the list but not the codes when the filter catches an unknown code', () => {
    const error = new ReferentielExceptionFilter().catch(
      new ReferentielException(ReferentielExceptionCode.UnknownCode, 'Unknown situation code(s): x', {
        list: 'situation',
        codes: ['x'],
      }),
    );
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_CODE', list: 'situation' });
  });
});
