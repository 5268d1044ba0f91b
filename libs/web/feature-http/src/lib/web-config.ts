import { AGENT_CLIENT_ID, CLIENT_SCOPES, GATEWAY_SCOPE } from '@spie/platform/oidc-local';

/** How one face of the web app signs in (what `apps/web/src/shared/config.ts` reads from `/web/config.json`). */
export interface WebFaceSignIn {
  issuer: string;
  clientId: string;
  scope: string;
  resource: string;
}

export interface WebConfigDocument {
  faces: { portail: WebFaceSignIn; console: WebFaceSignIn };
}

/** The settings the gateway already has, as the browser needs them: public, nothing secret. */
export function webConfigDocument(env: {
  OIDC_ISSUER?: string;
  OIDC_PERSON_ISSUER?: string;
  OIDC_PERSON_CLIENTS: string;
  OIDC_AUDIENCE: string;
}): WebConfigDocument {
  const agentIssuer = env.OIDC_ISSUER ?? '';
  return {
    faces: {
      portail: {
        issuer: env.OIDC_PERSON_ISSUER ?? agentIssuer,
        clientId: env.OIDC_PERSON_CLIENTS.split(',')[0],
        scope: [...CLIENT_SCOPES.person, GATEWAY_SCOPE].join(' '),
        resource: env.OIDC_AUDIENCE,
      },
      console: {
        issuer: agentIssuer,
        clientId: AGENT_CLIENT_ID,
        scope: [...CLIENT_SCOPES.agent, GATEWAY_SCOPE].join(' '),
        resource: env.OIDC_AUDIENCE,
      },
    },
  };
}

/** Paths of the web app's pages: the portal, the console and their sign-in callbacks. */
export const WEB_FACES = ['/portail', '/console'] as const;

/** The callback URLs to register with the issuer for a gateway served at `origin`. */
export function webRedirectUris(origin: string): string[] {
  return WEB_FACES.map((face) => `${origin.replace(/\/$/, '')}${face}/connexion`);
}
