import type { JWTPayload } from 'jose';

import type { Actor } from '@spie/shared/kernel';

/** A token whose signature, issuer, audience, type and lifetime were checked. */
export interface VerifiedToken {
  issuer: string;
  /** Agents' tokens come from the agents' issuer; people's from the people's issuer (or its people's clients). */
  kind: 'agent' | 'person';
  subject: string;
  clientId?: string;
  acr?: string;
  expiresAt: Date;
  claims: JWTPayload;
}

/** What the agents' issuer says about an agent (ProConnect's claims). */
export interface AgentIdentity {
  issuer: string;
  subject: string;
  /** The issuer names agents by their hub login (`OIDC_SUBJECT_IS_LOGIN`: the local provider only). */
  subjectIsLogin: boolean;
  email?: string;
  siret?: string;
  givenName?: string;
  usualName?: string;
  idpId?: string;
}

/** FranceConnect's pivot identity of a person: how a sign-in finds their record the first time. */
export interface PersonIdentity {
  issuer: string;
  subject: string;
  /** Birth name (`family_name`). */
  familyName: string;
  /** Every given name (`given_name`, space-separated). */
  givenNames: string[];
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sex?: 'F' | 'M';
  /** INSEE code of the commune of birth, empty when born abroad. */
  birthPlace?: string;
  /** INSEE code of the country of birth (`99100`: France). */
  birthCountry?: string;
  /** Usage name, when the person has one. */
  preferredUsername?: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

export function agentIdentityOf(token: VerifiedToken, subjectIsLogin: boolean): AgentIdentity {
  const claims = token.claims;
  return {
    issuer: token.issuer,
    subject: token.subject,
    subjectIsLogin,
    email: text(claims['email'])?.toLowerCase(),
    siret: text(claims['siret'])?.replace(/\s+/g, ''),
    givenName: text(claims['given_name']),
    usualName: text(claims['usual_name']),
    idpId: text(claims['idp_id']),
  };
}

/** The pivot identity of a person's token, or null when a part the matching needs is missing or malformed. */
export function personIdentityOf(token: VerifiedToken): PersonIdentity | null {
  const claims = token.claims;
  const familyName = text(claims['family_name']);
  const givenNames = text(claims['given_name'])?.split(/\s+/);
  const birthDate = text(claims['birthdate']);
  if (!familyName || !givenNames || !birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const gender = text(claims['gender']);
  return {
    issuer: token.issuer,
    subject: token.subject,
    familyName,
    givenNames,
    birthDate,
    sex: gender === 'female' ? 'F' : gender === 'male' ? 'M' : undefined,
    birthPlace: text(claims['birthplace']),
    birthCountry: text(claims['birthcountry']),
    preferredUsername: text(claims['preferred_username']),
  };
}

/**
 * True when the actor signed in with two factors, as this hub counts them (`OIDC_TWO_FACTOR_ACR`, decided when the
 * token was checked). The access policy requires it for special-category data.
 */
export function isTwoFactor(actor: Pick<Actor, 'twoFactor'>): boolean {
  return actor.twoFactor === true;
}
