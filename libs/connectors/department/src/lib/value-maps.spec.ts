import {
  isMobile,
  lookupCode,
  normaliseCafNumber,
  normaliseEmail,
  normalisePhone,
  parseCivility,
  parsePostalCode,
  parseRole,
  parseRome,
  splitEmails,
  splitList,
  splitPhones,
  splitPostalCodeCity,
} from './value-maps';

describe('parseRole', () => {
  it.each([
    ['dem', 'DEM'],
    ['DEM', 'DEM'],
    ['usager', 'DEM'],
    ['Demandeur', 'DEM'],
    ['DEMANDEUR', 'DEM'],
    ['cjt', 'CJT'],
    ['conjoint', 'CJT'],
    ['CONJOINT/CONCUBIN/PACSE', 'CJT'],
    ['conjoint(e)', 'CJT'],
    ['CONJOINT(E)', 'CJT'],
    ['Concubine', 'CJT'],
    ['enfant', 'ENF'],
    ['ENF', 'ENF'],
    ['Autre', 'AUT'],
  ])('%s → %s', (raw, role) => {
    expect(parseRole(raw)).toBe(role);
  });

  it('leaves empty cells undefined and reports unknown roles', () => {
    expect(parseRole('')).toBeUndefined();
    expect(parseRole(undefined)).toBeUndefined();
    expect(parseRole('  ')).toBeUndefined();
    expect(parseRole('grand-parent')).toEqual({ invalid: 'grand-parent' });
  });
});

describe('parseCivility', () => {
  it.each([
    ['M', 'M'],
    ['M.', 'M'],
    ['Mr', 'M'],
    ['MR.', 'M'],
    ['Monsieur', 'M'],
    ['MONSIEUR', 'M'],
    ['Mme', 'F'],
    ['Mme.', 'F'],
    ['Madame', 'F'],
    ['Mlle', 'F'],
    ['Mademoiselle', 'F'],
    ['F', 'F'],
    ['H', 'M'],
  ])('%s → %s', (raw, sex) => {
    expect(parseCivility(raw)).toBe(sex);
  });

  it('reports an unknown civilité', () => {
    expect(parseCivility('Dr')).toEqual({ invalid: 'Dr' });
    expect(parseCivility('')).toBeUndefined();
  });
});

describe('normalisePhone', () => {
  it.each([
    ['0601234567', '+33601234567'],
    ['06 01 23 45 67', '+33601234567'],
    ['06.01.23.45.67', '+33601234567'],
    ['06-01-23-45-67', '+33601234567'],
    ['+33 6 01 23 45 67', '+33601234567'],
    ['+33 (0)6 01 23 45 67', '+33601234567'],
    ['0033601234567', '+33601234567'],
    ['601234567', '+33601234567'],
    ['782605941', '+33782605941'],
    ['0475796991', '+33475796991'],
    ['0690123456', '+590690123456'],
    ['0590123456', '+590590123456'],
    ['0694123456', '+594694123456'],
    ['0696672959', '+596696672959'],
    ['0692123456', '+262692123456'],
    ['0639123456', '+262639123456'],
    ['+44 20 7946 0958', '+442079460958'],
  ])('%s → %s', (raw, e164) => {
    expect(normalisePhone(raw)).toBe(e164);
  });

  it.each(['071234567', '12', '06012345678', 'abc', '0001234567', '+33 0601234567 1', ''])(
    'refuses %p',
    (raw) => {
      expect(normalisePhone(raw)).toBeNull();
    },
  );

  it('splits several numbers and counts the bad ones', () => {
    expect(splitPhones('0601234567, 071234567')).toEqual({ valid: ['+33601234567'], invalid: 1 });
    expect(splitPhones('0475796991 / 06 01 23 45 67 ; 0601234567')).toEqual({
      valid: ['+33475796991', '+33601234567'],
      invalid: 0,
    });
  });

  it('tells mobiles from landlines', () => {
    expect(isMobile('+33601234567')).toBe(true);
    expect(isMobile('+33712345678')).toBe(true);
    expect(isMobile('+33475796991')).toBe(false);
    expect(isMobile('+590690123456')).toBe(true);
    expect(isMobile('+590590123456')).toBe(false);
    expect(isMobile('+262639123456')).toBe(true);
  });
});

describe('emails', () => {
  it('lower-cases, trims and drops mailto:', () => {
    expect(normaliseEmail('  Hernan@Crespo.COM ')).toBe('hernan@crespo.com');
    expect(normaliseEmail('mailto:A@B.fr')).toBe('a@b.fr');
    expect(normaliseEmail('inès.dupont434@example.com')).toBe('inès.dupont434@example.com');
  });

  it('refuses what is not an address', () => {
    expect(normaliseEmail('hernan')).toBeNull();
    expect(normaliseEmail('hernan@crespo')).toBeNull();
    expect(normaliseEmail('a b@c.fr')).toBeNull();
  });

  it('splits lists', () => {
    expect(splitEmails('sofia@cd26.fr, Marc@CD26.fr;bad')).toEqual({
      valid: ['sofia@cd26.fr', 'marc@cd26.fr'],
      invalid: 1,
    });
  });
});

describe('normaliseCafNumber (rdv-insertion formatAffiliationNumber)', () => {
  it.each([
    ['2055990', '2055990'],
    [' 2055 990 ', '2055990'],
    ['0012345', '0012345'],
    ['12345670000', '1234567'],
    ['00123456789', '123456789'],
    ['001234560', '1234560'],
    ['0001234560000', '1234560'],
    ['CAF0027004992', 'CAF0027004992'],
    ['ASXASA', 'ASXASA'],
  ])('%p → %p', (raw, normalised) => {
    expect(normaliseCafNumber(raw)).toBe(normalised);
  });

  it('leaves an empty cell undefined', () => {
    expect(normaliseCafNumber('')).toBeUndefined();
    expect(normaliseCafNumber('NULL')).toBeUndefined();
  });
});

describe('parseRome', () => {
  it('reads the carnet de bord "Label (CODE)" form', () => {
    expect(parseRome('Pontier élingueur / Pontière élingueuse (N1104)')).toEqual({
      code: 'N1104',
      label: 'Pontier élingueur / Pontière élingueuse',
    });
  });

  it('reads a bare code and "CODE - Label"', () => {
    expect(parseRome('k2204')).toEqual({ code: 'K2204', label: null });
    expect(parseRome('K2204 - Agent de nettoyage')).toEqual({ code: 'K2204', label: 'Agent de nettoyage' });
  });

  it('reports a label without code', () => {
    expect(parseRome('Pontier élingueur')).toEqual({ invalid: 'Pontier élingueur' });
    expect(parseRome('Cariste (Z9999)')).toEqual({ invalid: 'Cariste (Z9999)' });
    expect(parseRome('')).toBeUndefined();
  });
});

describe('lookupCode', () => {
  it('accepts carnet de bord keys, référentiel codes and labels', () => {
    expect(lookupCode('etat-dossier-rsa', 'rsa_droit_ouvert_versable')).toBe('2');
    expect(lookupCode('etat-dossier-rsa', 'rsa_droit_ouvert_et_suspendu')).toBe('3');
    expect(lookupCode('etat-dossier-rsa', 'Droit clos')).toBe('5');
    expect(lookupCode('work-situation', 'recherche_emploi')).toBe('recherche_emploi');
    expect(lookupCode('work-situation', 'scolarisé')).toBe('scolarise');
    expect(lookupCode('work-situation', "En recherche d'emploi")).toBe('recherche_emploi');
    expect(lookupCode('education-level', 'nv5')).toBe('NV5');
  });

  it('reports an unknown value', () => {
    expect(lookupCode('education-level', 'level_3')).toEqual({ invalid: 'level_3' });
    expect(lookupCode('work-situation', '')).toBeUndefined();
  });
});

describe('addresses and lists', () => {
  it('splits "CP Ville"', () => {
    expect(splitPostalCodeCity('26000 Valence')).toEqual({ postalCode: '26000', city: 'Valence' });
    expect(splitPostalCodeCity('75007 PARIS ')).toEqual({ postalCode: '75007', city: 'PARIS' });
    expect(splitPostalCodeCity('Die 26150')).toEqual({ postalCode: '26150', city: 'Die' });
    expect(splitPostalCodeCity('Valence')).toEqual({ city: 'Valence' });
    expect(splitPostalCodeCity('26000')).toEqual({ postalCode: '26000', city: undefined });
    expect(splitPostalCodeCity('')).toEqual({});
  });

  it('checks postal codes and pads the 4 digits a spreadsheet left', () => {
    expect(parsePostalCode('61120')).toBe('61120');
    expect(parsePostalCode('6120')).toBe('06120');
    expect(parsePostalCode('00120')).toEqual({ invalid: '00120' });
    expect(parsePostalCode('ABCDE')).toEqual({ invalid: 'ABCDE' });
  });

  it('splits tags', () => {
    expect(splitList('Cool, Sympa,,Cool')).toEqual(['Cool', 'Sympa']);
    expect(splitList(undefined)).toEqual([]);
  });
});
