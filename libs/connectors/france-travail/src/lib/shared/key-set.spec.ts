import { KeySet } from './key-set';

describe('KeySet', () => {
  it('tells a new key from one already added, across growths', () => {
    const set = new KeySet(4);
    for (let i = 0; i < 100_000; i++) expect(set.add(`71288a46-${i}:XXX:2013-02-15:CIVIS`)).toBe(true);
    expect(set.size).toBe(100_000);
    expect(set.add('71288a46-99999:XXX:2013-02-15:CIVIS')).toBe(false);
    expect(set.has('71288a46-0:XXX:2013-02-15:CIVIS')).toBe(true);
    expect(set.has('71288a46-100000:XXX:2013-02-15:CIVIS')).toBe(false);
    expect(set.add('')).toBe(true);
    expect(set.add('')).toBe(false);
    expect(set.size).toBe(100_001);
  });
});
