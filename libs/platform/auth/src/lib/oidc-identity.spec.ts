import { agentIdentityOf, isTwoFactor, personIdentityOf, type VerifiedToken } from './oidc-identity';

const token = (claims: Record<string, unknown>): VerifiedToken => ({
  issuer: 'https://issuer.example',
  kind: 'agent',
  subject: 'sub-1',
  expiresAt: new Date(),
  claims,
});

describe('OpenID claims mapping', () => {
  it('should read ProConnect claims, e-mail in lower case and SIRET without spaces', () => {
    expect(
      agentIdentityOf(
        token({
          email: ' Claire.Marchal@Haute-Marne.FR ',
          siret: '225 200 015 00016',
          given_name: 'Claire',
          usual_name: 'Marchal',
          idp_id: 'idp-1',
        }),
        false,
      ),
    ).toEqual({
      issuer: 'https://issuer.example',
      subject: 'sub-1',
      subjectIsLogin: false,
      email: 'claire.marchal@haute-marne.fr',
      siret: '22520001500016',
      givenName: 'Claire',
      usualName: 'Marchal',
      idpId: 'idp-1',
    });
  });

  it('should read FranceConnect’s pivot identity: every given name, birth name, birth date, sex and places', () => {
    expect(
      personIdentityOf(
        token({
          given_name: 'Aurélie  Marie',
          family_name: 'Vautrin',
          birthdate: '1986-09-14',
          gender: 'female',
          birthplace: '52121',
          birthcountry: '99100',
          preferred_username: 'Thomas',
        }),
      ),
    ).toEqual({
      issuer: 'https://issuer.example',
      subject: 'sub-1',
      familyName: 'Vautrin',
      givenNames: ['Aurélie', 'Marie'],
      birthDate: '1986-09-14',
      sex: 'F',
      birthPlace: '52121',
      birthCountry: '99100',
      preferredUsername: 'Thomas',
    });
  });

  it('should give no person identity when a part of the pivot is missing or the birth date is malformed', () => {
    const pivot = { given_name: 'Jean', family_name: 'Martin', birthdate: '1980-01-02' };
    expect(personIdentityOf(token(pivot))).not.toBeNull();
    expect(personIdentityOf(token({ ...pivot, family_name: ' ' }))).toBeNull();
    expect(personIdentityOf(token({ ...pivot, given_name: undefined }))).toBeNull();
    expect(personIdentityOf(token({ ...pivot, birthdate: '02/01/1980' }))).toBeNull();
    expect(personIdentityOf(token({ ...pivot, gender: 'other' }))?.sex).toBeUndefined();
  });

  it('should count two factors only when the authenticator said so', () => {
    expect(isTwoFactor({ twoFactor: true })).toBe(true);
    expect(isTwoFactor({ twoFactor: false })).toBe(false);
    expect(isTwoFactor({})).toBe(false);
  });
});
