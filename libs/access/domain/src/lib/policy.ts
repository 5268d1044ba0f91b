import { CATEGORIES, DataCategory } from './categories';
import { LEGAL_BASES, Purpose, ROLE_PURPOSES, SELF_ACCESS, isPurpose } from './legal-frame';

/** Who asks: what the access layer needs of the actor. */
export interface AccessSubject {
  kind: 'agent' | 'person' | 'system';
  id: string;
  organisationId: string | null;
  roles: readonly string[];
  /** Authentication context of the sign-in, for the record. */
  acr?: string | null;
  /** Whether the sign-in proved a second factor: set by the auth layer from the issuer's `acr` (`OIDC_TWO_FACTOR_ACR`). */
  twoFactor?: boolean;
}

/** A habilitation row: organisation × purpose × legal basis × categories × validity, revocable at once. */
export interface HabilitationGrant {
  id: string;
  organisationId: string;
  purpose: Purpose;
  legalBasis: string;
  read: readonly DataCategory[];
  write: readonly DataCategory[];
  validFrom: Date;
  validTo: Date | null;
  revokedAt: Date | null;
  retentionMonths: number;
}

/** How the actor's organisation is related to the person (need to know). */
export interface PersonRelation {
  /** Within the actor's portfolio for the purpose (oriented, accompanied, référent, new entrant of the territory). */
  inScope: boolean;
  /** The actor is the person's named référent. */
  namedReferent: boolean;
}

/** An opposition or consent of the person, shaped like a FHIR Consent provision. */
export interface ConsentRule {
  id: string;
  decision: 'deny' | 'permit';
  categories: readonly DataCategory[];
  /** Organisations concerned; empty means every partner. */
  organisationIds: readonly string[];
  /** Purposes concerned; empty means every purpose. */
  purposes: readonly Purpose[];
  periodStart: Date;
  periodEnd: Date | null;
  /** `inactive` once withdrawn. */
  status: 'active' | 'inactive';
}

export type MaskReason = 'not_habilitated' | 'two_factor_required' | 'consent_required' | 'opposition';

export const MASK_REASON_TEXT: Readonly<Record<MaskReason, string>> = {
  not_habilitated: "the organisation's habilitation for this purpose does not cover this category",
  two_factor_required: 'special-category data needs a two-factor sign-in',
  consent_required: 'health data is shared with this partner only with the person’s consent',
  opposition: 'the person objected to this category being shared with this partner',
};

export interface PersonDecision {
  /** Out of scope: the person does not exist for this actor (answered "not found"). */
  visible: boolean;
  readable: ReadonlySet<DataCategory>;
  masked: ReadonlyMap<DataCategory, MaskReason>;
  writable: ReadonlySet<DataCategory>;
}

export const INVISIBLE: PersonDecision = {
  visible: false,
  readable: new Set(),
  masked: new Map(),
  writable: new Set(),
};

export type PurposeRefusal =
  { code: 'PURPOSE_REQUIRED'; message: string } | { code: 'PURPOSE_NOT_HABILITATED'; message: string };

export function isActive(grant: HabilitationGrant, now: Date): boolean {
  return (
    grant.revokedAt === null &&
    grant.validFrom.getTime() <= now.getTime() &&
    (grant.validTo === null || grant.validTo.getTime() > now.getTime())
  );
}

/** The person reading their own file: a fixed habilitation (GDPR art. 15), no organisation. */
export function selfGrant(personId: string): HabilitationGrant {
  return {
    id: 'self',
    organisationId: personId,
    purpose: SELF_ACCESS.purpose,
    legalBasis: SELF_ACCESS.legalBasis,
    read: SELF_ACCESS.read,
    write: SELF_ACCESS.write,
    validFrom: new Date(0),
    validTo: null,
    revokedAt: null,
    retentionMonths: 0,
  };
}

/**
 * Whether a habilitation lets its holder read person files at all: one that reads only the access log (the DPO's
 * control) or nothing (a connector's transmission) refuses every file, rather than returning files with every field
 * masked.
 */
export function readsPersonFiles(grant: { read: readonly DataCategory[] }): boolean {
  return grant.read.some((category) => category !== DataCategory.AccessLog);
}

/**
 * The purposes an agent may act for now: allowed by one of their roles and covered by an active habilitation of their
 * organisation, in `ROLE_PURPOSES` order, without a transmission beside a purpose that reads. The console offers
 * these; a request states one of them.
 */
export function actablePurposes(
  subject: AccessSubject,
  grants: readonly HabilitationGrant[],
  now: Date,
): Purpose[] {
  if (subject.kind === 'person') return [];
  const allowed = [
    ...new Set(
      Object.entries(ROLE_PURPOSES)
        .filter(([role]) => subject.roles.includes(role))
        .flatMap(([, purposes]) => purposes),
    ),
  ];
  const held = (purpose: Purpose) =>
    grants.filter(
      (grant) =>
        grant.organisationId === subject.organisationId && grant.purpose === purpose && isActive(grant, now),
    );
  const actable = allowed.filter((purpose) => held(purpose).length > 0);
  // A transmission reads nothing (files are sent, never read back): it is not a purpose to read under, beside one that
  // reads, as `resolvePurpose` never implies it either.
  const reading = actable.filter((purpose) => held(purpose).some(readsPersonFiles));
  return reading.length > 0 ? reading : actable;
}

/**
 * The habilitation a request acts under: the purpose it states must be one the actor's roles allow and one its
 * organisation holds an active habilitation for. A person always acts for their own access (GDPR art. 15).
 */
export function resolvePurpose(
  subject: AccessSubject,
  requested: string | null | undefined,
  grants: readonly HabilitationGrant[],
  now: Date,
): HabilitationGrant | PurposeRefusal {
  if (subject.kind === 'person') {
    if (requested && requested !== Purpose.AccesPersonne) {
      return {
        code: 'PURPOSE_NOT_HABILITATED',
        message: `A person reads their own file only (purpose ${Purpose.AccesPersonne})`,
      };
    }
    return selfGrant(subject.id);
  }
  const allowedByRoles = new Set(subject.roles.flatMap((role) => ROLE_PURPOSES[role] ?? []));
  const active = grants.filter(
    (grant) =>
      grant.organisationId === subject.organisationId &&
      isActive(grant, now) &&
      allowedByRoles.has(grant.purpose),
  );
  if (!requested) {
    // A request must say why; an actor with a single possible purpose states it implicitly. A transmission (a
    // habilitation that reads nothing: files are sent, never read back) is never implied beside one that reads.
    const reading = active.filter((grant) => grant.read.length > 0);
    if (reading.length === 1) return reading[0];
    if (active.length === 1) return active[0];
    return {
      code: 'PURPOSE_REQUIRED',
      message: `State the purpose of the request in the X-Spie-Purpose header (${[...allowedByRoles].join(', ') || 'none allowed'})`,
    };
  }
  if (!isPurpose(requested)) {
    return { code: 'PURPOSE_NOT_HABILITATED', message: `Unknown purpose ${requested}` };
  }
  const grant = active.find((candidate) => candidate.purpose === requested);
  if (!grant) {
    return {
      code: 'PURPOSE_NOT_HABILITATED',
      message: `This account is not habilitated for the purpose ${requested}`,
    };
  }
  return grant;
}

function applies(rule: ConsentRule, organisationId: string | null, purpose: Purpose, now: Date): boolean {
  if (rule.status !== 'active') return false;
  if (rule.periodStart.getTime() > now.getTime()) return false;
  if (rule.periodEnd && rule.periodEnd.getTime() <= now.getTime()) return false;
  if (rule.organisationIds.length > 0 && (!organisationId || !rule.organisationIds.includes(organisationId)))
    return false;
  return rule.purposes.length === 0 || rule.purposes.includes(purpose);
}

/**
 * What an actor may read and write of one person under a habilitation, category by category:
 * out of scope → invisible; outside the habilitation → masked (not habilitated); special categories → two-factor
 * sign-in, and the person's consent unless the actor is their named référent; an opposition of the person → masked.
 */
export function decidePerson(input: {
  subject: AccessSubject;
  grant: HabilitationGrant;
  relation: PersonRelation;
  consents: readonly ConsentRule[];
  now: Date;
}): PersonDecision {
  const { subject, grant, relation, consents, now } = input;
  if (!relation.inScope) return INVISIBLE;
  const readable = new Set<DataCategory>();
  const masked = new Map<DataCategory, MaskReason>();
  const self = subject.kind === 'person';
  const twoFactor = subject.twoFactor === true;
  for (const category of Object.values(DataCategory)) {
    if (!grant.read.includes(category)) {
      masked.set(category, 'not_habilitated');
      continue;
    }
    if (!self) {
      const definition = CATEGORIES[category];
      if (definition.special && !twoFactor) {
        masked.set(category, 'two_factor_required');
        continue;
      }
      const rules = consents.filter(
        (rule) =>
          rule.categories.includes(category) && applies(rule, subject.organisationId, grant.purpose, now),
      );
      if (definition.opposable && rules.some((rule) => rule.decision === 'deny')) {
        masked.set(category, 'opposition');
        continue;
      }
      if (
        definition.special &&
        !relation.namedReferent &&
        !rules.some((rule) => rule.decision === 'permit')
      ) {
        masked.set(category, 'consent_required');
        continue;
      }
    }
    readable.add(category);
  }
  const writable = new Set(grant.write.filter((category) => readable.has(category) || self));
  return { visible: true, readable, masked, writable };
}

export function legalBasisOf(id: string) {
  return LEGAL_BASES.find((basis) => basis.id === id);
}
