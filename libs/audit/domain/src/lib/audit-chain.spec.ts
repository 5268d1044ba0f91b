import {
  auditEntryHash,
  canonicalAuditEntry,
  checkAuditLink,
  formatAuditInstant,
  GENESIS_HASH,
  type AuditChainFields,
} from './audit-chain';

const entry = (overrides: Partial<AuditChainFields> = {}): AuditChainFields => ({
  seq: '1',
  at: formatAuditInstant(new Date('2025-03-04T05:06:07.089Z')),
  actorKind: 'agent',
  actorId: 'b5c1a0a4-0000-4000-8000-000000000001',
  actorLogin: 'ft-conseiller',
  organisationId: null,
  organisationName: 'France Travail Chaumont',
  purpose: 'accompaniment',
  legalBasis: 'casf-l263-4-1',
  personId: 'b5c1a0a4-0000-4000-8000-000000000002',
  operation: 'person.read',
  categories: ['identity', 'contact'],
  maskedFields: ['nir'],
  outcome: 'allowed',
  reason: null,
  correlationId: 'c-1',
  prevHash: GENESIS_HASH,
  ...overrides,
});

describe('audit chain', () => {
  it('should write instants with microseconds in UTC when formatting a date', () => {
    expect(formatAuditInstant(new Date('2025-03-04T05:06:07.089+02:00'))).toBe('2025-03-04T03:06:07.089000Z');
  });

  it('should give the same hash when the same fields are hashed twice', () => {
    expect(auditEntryHash(entry())).toBe(auditEntryHash({ ...entry() }));
    expect(auditEntryHash(entry())).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each<[string, Partial<AuditChainFields>]>([
    ['seq', { seq: '2' }],
    ['at', { at: '2025-03-04T05:06:07.089001Z' }],
    ['actor login', { actorLogin: 'someone-else' }],
    ['organisation name', { organisationName: 'Autre' }],
    ['person', { personId: null }],
    ['categories', { categories: ['identity'] }],
    ['category order', { categories: ['contact', 'identity'] }],
    ['masked fields', { maskedFields: [] }],
    ['outcome', { outcome: 'refused' }],
    ['reason null vs empty', { reason: '' }],
    ['previous hash', { prevHash: 'f'.repeat(64) }],
  ])('should change the hash when %s changes', (_name, change) => {
    expect(auditEntryHash(entry(change))).not.toBe(auditEntryHash(entry()));
  });

  it('should not confuse a value moved from one field to the next', () => {
    const a = entry({ purpose: 'a,b', legalBasis: null });
    const b = entry({ purpose: 'a', legalBasis: 'b' });
    expect(canonicalAuditEntry(a)).not.toBe(canonicalAuditEntry(b));
  });

  describe('checkAuditLink', () => {
    const first = entry();
    const stored = { ...first, hash: auditEntryHash(first) };

    it('should accept an entry when its seq, link and hash are right', () => {
      expect(checkAuditLink(stored, { seq: 1n, prevHash: GENESIS_HASH })).toBeNull();
    });

    it('should report the hash when a field was changed after writing', () => {
      expect(checkAuditLink({ ...stored, actorLogin: 'x' }, { seq: 1n, prevHash: GENESIS_HASH })).toEqual({
        seq: '1',
        field: 'hash',
        expected: auditEntryHash({ ...first, actorLogin: 'x' }),
        found: stored.hash,
      });
    });

    it('should report the link when the previous hash differs', () => {
      expect(checkAuditLink(stored, { seq: 1n, prevHash: 'a'.repeat(64) })?.field).toBe('prev_hash');
    });

    it('should report the seq when an entry is missing before this one', () => {
      expect(checkAuditLink(stored, { seq: 0n, prevHash: GENESIS_HASH })).toMatchObject({
        field: 'seq',
        expected: '0',
        found: '1',
      });
    });
  });
});
