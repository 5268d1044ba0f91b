import { isUpcoming } from './appointment';

const NOW = new Date('2026-11-23T10:00:00Z');
const at = (iso: string) => new Date(iso);

describe('isUpcoming', () => {
  it('should count a planned or postponed appointment until it ends', () => {
    expect(isUpcoming({ startsAt: at('2026-11-24T09:00:00Z'), endsAt: null, status: 'planned' }, NOW)).toBe(
      true,
    );
    expect(
      isUpcoming(
        { startsAt: at('2026-11-23T09:30:00Z'), endsAt: at('2026-11-23T10:30:00Z'), status: 'postponed' },
        NOW,
      ),
    ).toBe(true);
    expect(isUpcoming({ startsAt: at('2026-11-22T09:00:00Z'), endsAt: null, status: 'planned' }, NOW)).toBe(
      false,
    );
  });

  it('should not count an appointment cancelled, attended or missed, even ahead', () => {
    for (const status of ['cancelled', 'present', 'absent', 'unspecified'])
      expect(isUpcoming({ startsAt: at('2026-12-01T09:00:00Z'), endsAt: null, status }, NOW)).toBe(false);
  });
});
