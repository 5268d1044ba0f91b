import { peakDistinctPersons, peakEvents, type AlertEvent } from './alert-rules';

const HOUR = 3_600_000;
const t0 = Date.parse('2025-01-01T08:00:00Z');
const event = (minutes: number, personId: string | null): AlertEvent => ({
  at: new Date(t0 + minutes * 60_000),
  personId,
});

describe('alert rules', () => {
  it('should count each person once when they are read several times in the window', () => {
    const events = [event(0, 'a'), event(1, 'a'), event(2, 'b'), event(3, 'a')];
    expect(peakDistinctPersons(events, HOUR)?.count).toBe(2);
  });

  it('should drop events older than one hour when the window slides', () => {
    // a, b, c at 0–2 min; d, e at 61–62 min: never more than 3 in one hour (a, b, c leave at 60–62).
    const events = [event(0, 'a'), event(1, 'b'), event(2, 'c'), event(61, 'd'), event(62, 'e')];
    const peak = peakDistinctPersons(events, HOUR);
    expect(peak?.count).toBe(3);
    expect(peak?.windowEnd.toISOString()).toBe('2025-01-01T08:02:00.000Z');
  });

  it('should find the peak in the middle of a long sequence when it exists only there', () => {
    const quiet = Array.from({ length: 10 }, (_, i) => event(i * 40, `q${i}`));
    const burst = Array.from({ length: 50 }, (_, i) => event(400 + i / 10, `b${i}`));
    const events = [...quiet, ...burst, event(600, 'z')].sort((x, y) => x.at.getTime() - y.at.getTime());
    expect(peakDistinctPersons(events, HOUR)?.count).toBe(50 + 1); // the burst and the quiet read at 360 min
  });

  it('should ignore entries that name nobody when counting persons', () => {
    expect(peakDistinctPersons([event(0, null), event(1, null)], HOUR)?.count).toBe(0);
  });

  it('should count every event when counting refusals', () => {
    const events = [event(0, null), event(10, 'a'), event(59, 'a'), event(70, 'b')];
    expect(peakEvents(events, HOUR)?.count).toBe(3);
    expect(peakEvents([], HOUR)).toBeNull();
  });
});
