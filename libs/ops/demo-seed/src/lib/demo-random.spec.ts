import { isUuid } from '@spie/shared/kernel';

import { DemoRandom, demoUuid } from './demo-random';

describe('DemoRandom', () => {
  const draws = (seed: string) => {
    const random = new DemoRandom(seed);
    return Array.from({ length: 50 }, () => random.next());
  };

  it('should give the same sequence when the seed is the same', () => {
    expect(draws('haute-marne')).toEqual(draws('haute-marne'));
  });

  it('should give another sequence when the seed differs', () => {
    expect(draws('haute-marne')).not.toEqual(draws('aube'));
  });

  it('should draw integers within the bounds, both included', () => {
    const random = new DemoRandom('bounds');
    const values = new Set(Array.from({ length: 500 }, () => random.int(1, 6)));
    expect([...values].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('should draw distinct items when sampling', () => {
    const sample = new DemoRandom('sample').sample(['a', 'b', 'c', 'd', 'e'], 4);
    expect(new Set(sample).size).toBe(4);
  });
});

describe('demoUuid', () => {
  it('should give a stable, valid UUID for a name', () => {
    expect(demoUuid('household', 0)).toBe(demoUuid('household', 0));
    expect(isUuid(demoUuid('household', 0))).toBe(true);
  });

  it('should give different ids for different kinds or names', () => {
    expect(demoUuid('household', 0)).not.toBe(demoUuid('household', 1));
    expect(demoUuid('household', 0)).not.toBe(demoUuid('contract', 0));
  });
});
