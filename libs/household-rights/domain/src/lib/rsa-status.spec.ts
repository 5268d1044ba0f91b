import { REFERENTIEL_V1 } from '@spie/referentiel/domain';

import { HouseholdRightsException, HouseholdRightsExceptionCode } from './household-rights.exception';
import { isRsaRightOpen, rsaStatusFromEtatDossier } from './rsa-status';

describe('rsaStatusFromEtatDossier', () => {
  it.each([
    ['0', 'pending'],
    ['1', 'refused'],
    ['2', 'open'],
    ['3', 'open_suspended'],
    ['4', 'suspended_payment'],
    ['5', 'closed'],
    ['6', 'closed_previous'],
  ])('should map ETATDOSRSA %s to %s when the CAF sends it', (code, status) => {
    expect(rsaStatusFromEtatDossier(code)).toBe(status);
  });

  it('should agree with attributes.status of the référentiel when every etat-dossier-rsa entry is mapped', () => {
    const list = REFERENTIEL_V1.lists.find((l) => l.code === 'etat-dossier-rsa');
    const pairs = (list?.entries ?? []).map((entry) => [entry.code, rsaStatusFromEtatDossier(entry.code)]);
    expect(pairs).toEqual((list?.entries ?? []).map((entry) => [entry.code, entry.attributes?.status]));
    expect(pairs).toHaveLength(7);
  });

  it.each(['7', '', ' 2', '02', 'toString', '__proto__'])(
    'should throw INVALID_ETAT_DOSSIER when the code is %p',
    (code) => {
      expect(() => rsaStatusFromEtatDossier(code)).toThrow(HouseholdRightsException);
      try {
        rsaStatusFromEtatDossier(code);
      } catch (error) {
        expect((error as HouseholdRightsException).code).toBe(
          HouseholdRightsExceptionCode.InvalidEtatDossier,
        );
      }
    },
  );
});

describe('isRsaRightOpen', () => {
  it('should say the right exists only when ETATDOSRSA is 2, 3 or 4', () => {
    const open = ['0', '1', '2', '3', '4', '5', '6'].filter((code) =>
      isRsaRightOpen(rsaStatusFromEtatDossier(code)),
    );
    expect(open).toEqual(['2', '3', '4']);
  });
});
