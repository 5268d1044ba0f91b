import { DataCategory } from './categories';
import { HABILITATION_TEMPLATES, Purpose } from './legal-frame';
import {
  actablePurposes,
  decidePerson,
  resolvePurpose,
  type AccessSubject,
  type ConsentRule,
  type HabilitationGrant,
} from './policy';

const NOW = new Date('2026-11-23T10:00:00Z');
const FT = 'org-ft';

function grant(overrides: Partial<HabilitationGrant> = {}): HabilitationGrant {
  const template = HABILITATION_TEMPLATES['france_travail_agency'][0];
  return {
    id: 'h1',
    organisationId: FT,
    purpose: template.purpose,
    legalBasis: template.legalBasis,
    read: template.read,
    write: template.write,
    validFrom: new Date('2026-01-01T00:00:00Z'),
    validTo: null,
    revokedAt: null,
    retentionMonths: 48,
    ...overrides,
  };
}

const adviser: AccessSubject = {
  kind: 'agent',
  id: 'a1',
  organisationId: FT,
  roles: ['adviser'],
  acr: 'eidas1',
  twoFactor: false,
};

function decide(subject: AccessSubject, consents: ConsentRule[] = [], namedReferent = false, inScope = true) {
  return decidePerson({
    subject,
    grant: grant(),
    relation: { inScope, namedReferent },
    consents,
    now: NOW,
  });
}

function opposition(categories: DataCategory[], organisationIds: string[] = []): ConsentRule {
  return {
    id: 'c1',
    decision: 'deny',
    categories,
    organisationIds,
    purposes: [],
    periodStart: new Date('2026-01-01T00:00:00Z'),
    periodEnd: null,
    status: 'active',
  };
}

describe('actablePurposes', () => {
  it('should list the purposes of the agent’s roles that an active habilitation of their organisation covers', () => {
    const both = { ...adviser, roles: ['adviser', 'orientation'] };
    expect(actablePurposes(both, [grant()], NOW)).toEqual([Purpose.Accompagnement]);
    expect(actablePurposes(both, [grant(), grant({ id: 'h2', purpose: Purpose.Orientation })], NOW)).toEqual([
      Purpose.Orientation,
      Purpose.Accompagnement,
    ]);
  });

  it('should leave out the transmission of files beside a purpose that reads, and keep it for a connector', () => {
    const transmission = grant({ id: 'h3', purpose: Purpose.TransmissionFlux, read: [] });
    const team = { ...adviser, roles: ['orientation'] };
    expect(
      actablePurposes(team, [grant({ id: 'h2', purpose: Purpose.Orientation }), transmission], NOW),
    ).toEqual([Purpose.Orientation]);
    expect(actablePurposes({ ...adviser, roles: ['connector'] }, [transmission], NOW)).toEqual([
      Purpose.TransmissionFlux,
    ]);
  });

  it('should list none when the habilitation is revoked or belongs to another organisation', () => {
    expect(actablePurposes(adviser, [grant({ revokedAt: new Date(NOW.getTime() - 1) })], NOW)).toEqual([]);
    expect(actablePurposes(adviser, [grant({ organisationId: 'other' })], NOW)).toEqual([]);
  });
});

describe('resolvePurpose', () => {
  it('should take the only purpose an adviser may act for when the request states none', () => {
    expect(resolvePurpose(adviser, undefined, [grant()], NOW)).toMatchObject({
      purpose: Purpose.Accompagnement,
    });
  });

  it('should refuse a purpose the organisation holds no habilitation for', () => {
    expect(resolvePurpose(adviser, Purpose.Orientation, [grant()], NOW)).toMatchObject({
      code: 'PURPOSE_NOT_HABILITATED',
    });
  });

  it('should refuse a revoked habilitation at once', () => {
    expect(
      resolvePurpose(
        adviser,
        Purpose.Accompagnement,
        [grant({ revokedAt: new Date(NOW.getTime() - 1000) })],
        NOW,
      ),
    ).toMatchObject({
      code: 'PURPOSE_NOT_HABILITATED',
    });
  });

  it('should refuse a habilitation of another organisation', () => {
    expect(
      resolvePurpose(adviser, Purpose.Accompagnement, [grant({ organisationId: 'other' })], NOW),
    ).toMatchObject({
      code: 'PURPOSE_NOT_HABILITATED',
    });
  });

  it('should not let a role widen the organisation habilitations (a DPO reads no file)', () => {
    const dpo: AccessSubject = { ...adviser, roles: ['dpo'] };
    expect(resolvePurpose(dpo, Purpose.Accompagnement, [grant()], NOW)).toMatchObject({
      code: 'PURPOSE_NOT_HABILITATED',
    });
  });

  it('should imply the orientation of the orientation team beside the transmission it may also act for', () => {
    const team: AccessSubject = { ...adviser, organisationId: 'org-cd', roles: ['orientation'] };
    const [orientation, , transmission] = HABILITATION_TEMPLATES['department'].map((template, index) =>
      grant({ ...template, id: `h${index}`, organisationId: 'org-cd' }),
    );
    expect(transmission.purpose).toBe(Purpose.TransmissionFlux);
    expect(resolvePurpose(team, undefined, [transmission, orientation], NOW)).toMatchObject({
      purpose: Purpose.Orientation,
    });
    expect(resolvePurpose(team, Purpose.TransmissionFlux, [orientation, transmission], NOW)).toMatchObject({
      purpose: Purpose.TransmissionFlux,
    });
    // A connector's transmission is still its implied purpose (and reads no file).
    const connector: AccessSubject = { ...team, roles: ['connector'] };
    expect(resolvePurpose(connector, undefined, [orientation, transmission], NOW)).toMatchObject({
      purpose: Purpose.TransmissionFlux,
    });
  });

  it('should give a person their own access whatever the grants', () => {
    const person: AccessSubject = { kind: 'person', id: 'p1', organisationId: null, roles: [] };
    expect(resolvePurpose(person, undefined, [], NOW)).toMatchObject({ purpose: Purpose.AccesPersonne });
    expect(resolvePurpose(person, Purpose.Accompagnement, [], NOW)).toMatchObject({
      code: 'PURPOSE_NOT_HABILITATED',
    });
  });
});

describe('decidePerson', () => {
  it('should make a person out of the portfolio invisible', () => {
    expect(decide(adviser, [], false, false).visible).toBe(false);
  });

  it('should mask what the habilitation does not cover', () => {
    const decision = decide(adviser);
    expect(decision.readable.has(DataCategory.Identity)).toBe(true);
    expect(decision.masked.get(DataCategory.Household)).toBe('not_habilitated');
    expect(decision.masked.get(DataCategory.Nir)).toBe('not_habilitated');
  });

  it('should mask health data without a two-factor sign-in', () => {
    expect(decide(adviser).masked.get(DataCategory.DiagnosticHealth)).toBe('two_factor_required');
  });

  it('should mask health data after two factors unless the person consented or the actor is their référent', () => {
    const strong = { ...adviser, acr: 'eidas2', twoFactor: true };
    expect(decide(strong).masked.get(DataCategory.DiagnosticHealth)).toBe('consent_required');
    expect(decide(strong, [], true).readable.has(DataCategory.DiagnosticHealth)).toBe(true);
    const consent: ConsentRule = { ...opposition([DataCategory.DiagnosticHealth], [FT]), decision: 'permit' };
    expect(decide(strong, [consent]).readable.has(DataCategory.DiagnosticHealth)).toBe(true);
  });

  it('should apply an opposition to the partners it names only', () => {
    expect(
      decide(adviser, [opposition([DataCategory.DiagnosticSocial], [FT])]).masked.get(
        DataCategory.DiagnosticSocial,
      ),
    ).toBe('opposition');
    expect(
      decide(adviser, [opposition([DataCategory.DiagnosticSocial], ['org-ml'])]).readable.has(
        DataCategory.DiagnosticSocial,
      ),
    ).toBe(true);
  });

  it('should ignore a withdrawn or expired opposition', () => {
    const withdrawn = { ...opposition([DataCategory.Contact]), status: 'inactive' as const };
    const expired = { ...opposition([DataCategory.Contact]), periodEnd: new Date(NOW.getTime() - 1) };
    expect(decide(adviser, [withdrawn, expired]).readable.has(DataCategory.Contact)).toBe(true);
  });

  it('should not let an opposition hide what the law obliges to share (RSA rights)', () => {
    expect(decide(adviser, [opposition([DataCategory.RsaRights])]).readable.has(DataCategory.RsaRights)).toBe(
      true,
    );
  });

  it('should only allow writing a readable category', () => {
    const decision = decide(adviser, [opposition([DataCategory.DiagnosticSocial])]);
    expect(decision.writable.has(DataCategory.DiagnosticSocial)).toBe(false);
    expect(decision.writable.has(DataCategory.Contract)).toBe(true);
  });
});
