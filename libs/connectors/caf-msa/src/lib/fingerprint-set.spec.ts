import { FingerprintSet } from './fingerprint-set';

describe('FingerprintSet', () => {
  it('should tell a value seen before from a new one, across many resizes', () => {
    const set = new FingerprintSet(4);
    for (let i = 0; i < 50_000; i += 1) expect(set.add(FingerprintSet.of(`caf:${i}`))).toBe(true);
    expect(set.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(set.has(FingerprintSet.of(`caf:${i}`))).toBe(true);
    expect(set.add(FingerprintSet.of('caf:12345'))).toBe(false);
    expect(set.has(FingerprintSet.of('caf:50000'))).toBe(false);
    expect(set.size).toBe(50_000);
  });

  it('should hold a million fingerprints in a few tens of megabytes', () => {
    const before = process.memoryUsage().arrayBuffers;
    const set = new FingerprintSet();
    for (let i = 0; i < 1_000_000; i += 1) set.add([i * 2654435761, i]);
    expect(set.add([2654435761 * 3, 3])).toBe(false);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(set.size).toBe(1_000_000);
    expect(grown).toBeLessThan(40 * 1024 * 1024);
  });
});
