import type { PersonIdentity } from '@spie/platform/auth';

import { matchesPivotIdentity, type PivotCandidate } from './person-actor.loader';

const RECORD: PivotCandidate = {
  id: 'p1',
  lastNameNormalized: 'THOMAS',
  birthNameNormalized: 'VAUTRIN',
  firstNameNormalized: 'AURELIE MARIE',
  birthDate: '1986-09-14',
  sex: 'F',
};

const PIVOT: PersonIdentity = {
  issuer: 'https://fc.example',
  subject: 's1',
  familyName: 'Vautrin',
  givenNames: ['Aurélie', 'Marie'],
  birthDate: '1986-09-14',
  sex: 'F',
};

describe('matchesPivotIdentity', () => {
  it('should match the birth name, every given name and the birth date whatever the accents and case', () => {
    expect(matchesPivotIdentity(RECORD, PIVOT)).toBe(true);
    expect(
      matchesPivotIdentity(RECORD, { ...PIVOT, familyName: 'VAUTRIN', givenNames: ['aurelie', 'marie'] }),
    ).toBe(true);
  });

  it('should match a record that knows only the usage name through preferred_username or family_name', () => {
    const usageOnly = { ...RECORD, birthNameNormalized: null };
    expect(matchesPivotIdentity(usageOnly, PIVOT)).toBe(false);
    expect(matchesPivotIdentity(usageOnly, { ...PIVOT, preferredUsername: 'Thomas' })).toBe(true);
  });

  it('should accept a record holding only the first given name, as ingestion does', () => {
    expect(matchesPivotIdentity({ ...RECORD, firstNameNormalized: 'AURELIE' }, PIVOT)).toBe(true);
  });

  it('should refuse another birth date, another first given name, another name or a contradicting sex', () => {
    expect(matchesPivotIdentity(RECORD, { ...PIVOT, birthDate: '1986-09-15' })).toBe(false);
    expect(matchesPivotIdentity(RECORD, { ...PIVOT, givenNames: ['Marie', 'Aurélie'] })).toBe(false);
    expect(matchesPivotIdentity(RECORD, { ...PIVOT, familyName: 'Vautrain' })).toBe(false);
    expect(matchesPivotIdentity(RECORD, { ...PIVOT, sex: 'M' })).toBe(false);
    expect(matchesPivotIdentity({ ...RECORD, birthDate: null }, PIVOT)).toBe(false);
  });
});
