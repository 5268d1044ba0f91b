/** Who is acting: carried by every request and every job payload. */
export interface Actor {
  kind: 'agent' | 'person' | 'system';
  /** Agent id, person id, or the name of a system component. */
  id: string;
  /** Login shown in logs and audit (never a NIR): the agent's login, a person's subject at their issuer. */
  login: string;
  organisationId: string | null;
  displayName: string;
  roles: string[];
  /**
   * Authentication context class of the sign-in, as the issuer stated it (`eidas1`, `eidas2`,
   * `https://proconnect.gouv.fr/assurance/self-asserted-2fa`…). Unset for system actors.
   */
  acr?: string;
  /** True when `acr` is one of the two-factor values this hub accepts (`OIDC_TWO_FACTOR_ACR`); read it with `isTwoFactor`. */
  twoFactor?: boolean;
  /** OpenID issuer that signed the actor's token. */
  issuer?: string;
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'system',
  id: 'system',
  login: 'system',
  organisationId: null,
  displayName: 'spie-hub',
  roles: ['system'],
};
