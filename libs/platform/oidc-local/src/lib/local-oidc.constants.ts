import type { AccountKind } from './local-account';

/** Client of the agents' console (ProConnect-shaped accounts only). */
export const AGENT_CLIENT_ID = 'spie-console';
/** Client of the person portal (FranceConnect-shaped accounts only). */
export const PERSON_CLIENT_ID = 'spie-portal';

/** Resource indicator of the gateway: the audience of every access token the local provider issues. */
export const GATEWAY_AUDIENCE = 'urn:spie-hub:gateway';
/** Scope of the gateway resource (RFC 8707). */
export const GATEWAY_SCOPE = 'gateway';

/** The demo second factor: any account that types it signs in with a two-factor `acr`. */
export const DEMO_ONE_TIME_CODE = '123456';

/** Preferred port of the local provider; a free one is taken when it is busy. */
export const DEFAULT_LOCAL_OIDC_PORT = 4100;

/** `idp_id` of the accounts of the local provider (ProConnect names the identity provider behind it). */
export const LOCAL_IDP_ID = 'spie-hub-local';

export const ACR_ONE_FACTOR = 'eidas1';
/** ProConnect's two-factor level, given to agents who typed the one-time code. */
export const ACR_AGENT_TWO_FACTOR = 'https://proconnect.gouv.fr/assurance/self-asserted-2fa';
/** FranceConnect+'s substantial level (eIDAS), given to people who typed the one-time code. */
export const ACR_PERSON_TWO_FACTOR = 'eidas2';

/** The scopes each kind of client asks for: one scope per claim, as ProConnect and FranceConnect name them. */
export const CLIENT_SCOPES: Readonly<Record<AccountKind, readonly string[]>> = {
  agent: ['openid', 'email', 'given_name', 'usual_name', 'siret', 'idp_id'],
  person: [
    'openid',
    'given_name',
    'family_name',
    'birthdate',
    'birthplace',
    'birthcountry',
    'gender',
    'preferred_username',
  ],
};

export const CLIENT_IDS: Readonly<Record<AccountKind, string>> = {
  agent: AGENT_CLIENT_ID,
  person: PERSON_CLIENT_ID,
};
