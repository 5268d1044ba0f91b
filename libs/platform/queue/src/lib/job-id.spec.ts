import { deterministicJobId } from './job-id';

describe('deterministicJobId', () => {
  it('should give the same id when the business key is the same', () => {
    expect(deterministicJobId('recompute', 'p1', 3)).toBe(deterministicJobId('recompute', 'p1', 3));
  });

  it('should give different ids when the keys differ', () => {
    expect(deterministicJobId('recompute', 'p1')).not.toBe(deterministicJobId('recompute', 'p2'));
  });

  it('should hash the key when it contains a colon that BullMQ forbids', () => {
    expect(deterministicJobId('caf:521', 'x')).toMatch(/^[0-9a-f]{64}$/);
  });
});
