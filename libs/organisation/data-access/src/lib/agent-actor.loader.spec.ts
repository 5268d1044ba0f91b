import { siretFits } from './agent-actor.loader';

describe('siretFits', () => {
  it('should let a first sign-in by e-mail in only with the SIRET of the agent’s organisation', () => {
    expect(siretFits('email', '22520001500016', '22520001500016')).toBe(true);
    expect(siretFits('email', '13000548100010', '22520001500016')).toBe(false);
    expect(siretFits('email', undefined, '22520001500016')).toBe(false);
    expect(siretFits('email', '22520001500016', null)).toBe(false);
  });

  it('should refuse a linked or login match only when both SIRETs are known and differ', () => {
    for (const match of ['subject', 'login'] as const) {
      expect(siretFits(match, undefined, '22520001500016')).toBe(true);
      expect(siretFits(match, '22520001500016', null)).toBe(true);
      expect(siretFits(match, '22520001500016', '22520001500016')).toBe(true);
      expect(siretFits(match, '13000548100010', '22520001500016')).toBe(false);
    }
  });
});
