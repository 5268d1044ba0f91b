import { webConfigDocument, webRedirectUris } from './web-config';

describe('web config', () => {
  const env = {
    OIDC_ISSUER: 'https://agents.example',
    OIDC_PERSON_CLIENTS: 'spie-portal,other-portal',
    OIDC_AUDIENCE: 'urn:spie-hub:gateway',
  };

  it('should sign people in at the person issuer and agents at the agents’ issuer when both are set', () => {
    const config = webConfigDocument({ ...env, OIDC_PERSON_ISSUER: 'https://people.example' });
    expect(config.faces.portail).toMatchObject({ issuer: 'https://people.example', clientId: 'spie-portal' });
    expect(config.faces.console).toMatchObject({
      issuer: 'https://agents.example',
      clientId: 'spie-console',
    });
    expect(config.faces.portail.scope.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'birthdate', 'gateway']),
    );
    expect(config.faces.console.scope.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'siret', 'gateway']),
    );
    expect(config.faces.console.resource).toBe('urn:spie-hub:gateway');
  });

  it('should sign people in at the agents’ issuer when no person issuer is set', () => {
    expect(webConfigDocument(env).faces.portail.issuer).toBe('https://agents.example');
  });

  it('should name one sign-in callback per face on the given origin', () => {
    expect(webRedirectUris('http://127.0.0.1:3000/')).toEqual([
      'http://127.0.0.1:3000/portail/connexion',
      'http://127.0.0.1:3000/console/connexion',
    ]);
  });
});
