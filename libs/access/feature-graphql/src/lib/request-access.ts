import {
  CATEGORIES,
  INVISIBLE,
  MASK_REASON_TEXT,
  resolvePurpose,
  type DataCategory,
  type HabilitationGrant,
  type MaskReason,
  type PersonDecision,
} from '@spie/access/domain';
import type { AccessFacts, AccessService } from '@spie/access/data-access';
import { HubErrorCode, hubGraphQLError } from '@spie/platform/graphql';
import { hasUuidShape, type Actor } from '@spie/shared/kernel';

export const PURPOSE_HEADER = 'x-spie-purpose';

export interface MaskedField {
  path: string;
  category: DataCategory;
  reason: MaskReason;
  explanation: string;
}

interface PersonRead {
  categories: Set<DataCategory>;
  masked: MaskedField[];
}

export interface AccessRefusal {
  personId: string | null;
  operation: string;
  outcome: 'refused' | 'not_found';
  reason: string;
}

/** One audit entry to write at the end of the request (the shape `AuditSink.record` takes). */
export interface AccessAuditEntry {
  actor: Actor;
  purpose: string | null;
  legalBasis: string | null;
  personId: string | null;
  operation: string;
  categories: string[];
  maskedFields: string[];
  outcome: 'allowed' | 'refused' | 'not_found';
  reason: string | null;
}

/**
 * What one request may see, decided once per person and remembered for the request only (a revoked habilitation or
 * a new opposition applies to the next request), with what it read and what was masked, for the audit log and for
 * `extensions.access` of the response.
 */
export class RequestAccess {
  private grantPromise: Promise<HabilitationGrant> | undefined;
  /** Read ahead by `prefetch`: the habilitations and the facts about the people named by the request. */
  private facts: Promise<AccessFacts> | undefined;
  private grantValue: HabilitationGrant | undefined;
  private readonly decisions = new Map<string, Promise<PersonDecision>>();
  private readonly reads = new Map<string, PersonRead>();
  private readonly refusals: AccessRefusal[] = [];

  constructor(
    readonly actor: Actor,
    private readonly requestedPurpose: string | undefined,
    private readonly accessService: AccessService,
    readonly bypass: boolean,
  ) {}

  service(): AccessService {
    return this.accessService;
  }

  /**
   * For a request that names its people up front (`person(id)`): reads the habilitations and what the policy needs
   * about these people in one round trip, for `grant()` and `decision()` to use. Does nothing once the grant is asked.
   */
  prefetch(personIds: readonly string[]): void {
    if (this.grantPromise || this.facts || this.actor.kind !== 'agent') return;
    this.facts = this.accessService.facts(this.actor, personIds.filter(hasUuidShape));
    // A failure surfaces where the facts are used (grant, decision), not as an unhandled rejection here.
    this.facts.catch(() => undefined);
  }

  /** The habilitation of the request; refuses (FORBIDDEN) a missing or unhabilitated purpose. */
  grant(): Promise<HabilitationGrant> {
    this.grantPromise ??= (async () => {
      const grants =
        this.actor.kind !== 'agent'
          ? []
          : this.facts
            ? (await this.facts).grants
            : await this.accessService.grantsOf(this.actor.organisationId);
      const resolved = resolvePurpose(this.actor, this.requestedPurpose, grants, new Date());
      if ('code' in resolved) {
        this.refusals.push({
          personId: null,
          operation: 'purpose',
          outcome: 'refused',
          reason: resolved.code,
        });
        throw hubGraphQLError(HubErrorCode.Forbidden, resolved.message, { reason: resolved.code });
      }
      this.grantValue = resolved;
      return resolved;
    })();
    return this.grantPromise;
  }

  /** Decisions for several people in one round trip (a search, a list). */
  async decideMany(personIds: readonly string[]): Promise<Map<string, PersonDecision>> {
    // An id that is not a UUID names no one: invisible, without asking the database.
    for (const id of personIds) if (!hasUuidShape(id)) this.decisions.set(id, Promise.resolve(INVISIBLE));
    const missing = personIds.filter((id) => !this.decisions.has(id));
    if (missing.length > 0) {
      const batch = Promise.all([this.grant(), this.facts]).then(([grant, facts]) =>
        this.accessService.decide(this.actor, grant, missing, new Date(), facts),
      );
      for (const id of missing)
        this.decisions.set(
          id,
          batch.then((map) => map.get(id) ?? INVISIBLE),
        );
    }
    const result = new Map<string, PersonDecision>();
    for (const id of personIds) result.set(id, await (this.decisions.get(id) as Promise<PersonDecision>));
    return result;
  }

  async decision(personId: string): Promise<PersonDecision> {
    return (await this.decideMany([personId])).get(personId) ?? INVISIBLE;
  }

  private readOf(personId: string): PersonRead {
    let read = this.reads.get(personId);
    if (!read) {
      read = { categories: new Set(), masked: [] };
      this.reads.set(personId, read);
    }
    return read;
  }

  noteRead(personId: string, category: DataCategory): void {
    this.readOf(personId).categories.add(category);
  }

  noteMask(personId: string, path: string, category: DataCategory, reason: MaskReason): void {
    const read = this.readOf(personId);
    if (!read.masked.some((m) => m.path === path)) {
      read.masked.push({ path, category, reason, explanation: MASK_REASON_TEXT[reason] });
    }
  }

  noteRefusal(refusal: AccessRefusal): void {
    this.refusals.push(refusal);
  }

  /** `extensions.access` of the response: the purpose and every masked field with its reason. */
  extensions(): Record<string, unknown> | undefined {
    const masked = [...this.reads.values()].flatMap((read) => read.masked);
    if (!this.grantValue && masked.length === 0) return undefined;
    return { purpose: this.grantValue?.purpose ?? null, masked };
  }

  /** One entry per person read (categories returned, fields masked) and one per refusal. */
  auditEntries(): AccessAuditEntry[] {
    const grant = this.grantValue;
    const legalBasis = grant?.legalBasis ?? null;
    const entries: AccessAuditEntry[] = [];
    for (const [personId, read] of this.reads) {
      if (read.categories.size === 0 && read.masked.length === 0) continue;
      entries.push({
        actor: this.actor,
        purpose: grant?.purpose ?? null,
        legalBasis,
        personId,
        // One read of the person's file per request, whatever its fields (they are in categories and masked fields):
        // the code the person's access log words as "Consultation de votre dossier".
        operation: 'person.read',
        categories: [...read.categories].sort(),
        maskedFields: read.masked.map((m) => m.path),
        outcome: 'allowed',
        reason: null,
      });
    }
    for (const refusal of this.refusals) {
      entries.push({
        actor: this.actor,
        purpose: grant?.purpose ?? this.requestedPurpose ?? null,
        legalBasis,
        personId: refusal.personId,
        operation: refusal.operation,
        categories: [],
        maskedFields: [],
        outcome: refusal.outcome,
        reason: refusal.reason,
      });
    }
    return entries;
  }
}

export function categoryLabel(category: DataCategory): string {
  return CATEGORIES[category].label;
}
