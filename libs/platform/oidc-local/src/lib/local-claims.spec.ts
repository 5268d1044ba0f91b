import type { LocalAccount } from './local-account';
import { combineDirectories, staticAccountDirectory } from './local-account';
import { acrFor, claimsOf, kindOfClient, oneTimeCodeOutcome, requestedTokenTtl } from './local-claims';

const AGENT: LocalAccount = {
  kind: 'agent',
  login: 'cd52-referent',
  claims: {
    email: 'cd52-referent@demo.invalid',
    given_name: 'Julien',
    usual_name: 'Collin',
    siret: '22520001500016',
    idp_id: 'spie-hub-local',
  },
};

const PERSON: LocalAccount = {
  kind: 'person',
  login: 'allocataire-demo',
  claims: {
    given_name: 'Aurélie Marie',
    family_name: 'Vautrin',
    birthdate: '1986-09-14',
    gender: 'female',
    birthplace: '52121',
    birthcountry: '99100',
  },
};

describe('local provider claims', () => {
  it('should give agents ProConnect claims with the login as subject', () => {
    expect(claimsOf(AGENT)).toEqual({
      sub: 'cd52-referent',
      email: 'cd52-referent@demo.invalid',
      given_name: 'Julien',
      usual_name: 'Collin',
      siret: '22520001500016',
      idp_id: 'spie-hub-local',
    });
  });

  it('should release only the claims of the granted scopes when scopes are given', () => {
    expect(claimsOf(PERSON, 'openid given_name family_name birthdate gateway')).toEqual({
      sub: 'allocataire-demo',
      given_name: 'Aurélie Marie',
      family_name: 'Vautrin',
      birthdate: '1986-09-14',
    });
  });

  it('should say eidas1 without the second factor and the real issuers’ two-factor values with it', () => {
    expect(acrFor('agent', false)).toBe('eidas1');
    expect(acrFor('person', false)).toBe('eidas1');
    expect(acrFor('agent', true)).toBe('https://proconnect.gouv.fr/assurance/self-asserted-2fa');
    expect(acrFor('person', true)).toBe('eidas2');
  });

  it('should accept only the demo one-time code, spaces ignored, and treat an empty field as no second factor', () => {
    expect(oneTimeCodeOutcome(undefined)).toBe('none');
    expect(oneTimeCodeOutcome('  ')).toBe('none');
    expect(oneTimeCodeOutcome('123 456')).toBe('valid');
    expect(oneTimeCodeOutcome('654321')).toBe('invalid');
  });

  it('should map the console to agents, the portal to people and any other client to nobody', () => {
    expect(kindOfClient('spie-console')).toBe('agent');
    expect(kindOfClient('spie-portal')).toBe('person');
    expect(kindOfClient('other')).toBeUndefined();
    expect(kindOfClient(undefined)).toBeUndefined();
  });

  it('should take a requested lifetime between 1 second and a day, else one hour', () => {
    expect(requestedTokenTtl('1')).toBe(1);
    expect(requestedTokenTtl('86400')).toBe(86400);
    expect(requestedTokenTtl(undefined)).toBe(3600);
    expect(requestedTokenTtl('0')).toBe(3600);
    expect(requestedTokenTtl('86401')).toBe(3600);
    expect(requestedTokenTtl('1.5')).toBe(3600);
    expect(requestedTokenTtl(['5'])).toBe(3600);
  });
});

describe('local account directories', () => {
  it('should find an account only under its own kind', async () => {
    const directory = staticAccountDirectory([AGENT, PERSON]);
    expect(await directory.find('cd52-referent', 'agent')).toBe(AGENT);
    expect(await directory.find('cd52-referent', 'person')).toBeUndefined();
    expect(await directory.find('allocataire-demo', 'agent')).toBeUndefined();
  });

  it('should ask each directory in turn and suggest the accounts of all of them', async () => {
    const directory = combineDirectories(staticAccountDirectory([AGENT]), staticAccountDirectory([PERSON]));
    expect(await directory.find('allocataire-demo', 'person')).toBe(PERSON);
    expect((await directory.list('agent')).map((a) => a.login)).toEqual(['cd52-referent']);
  });
});
