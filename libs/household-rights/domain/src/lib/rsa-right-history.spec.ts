import { currentStatusSince, selectMonthlyRights, type RightRowForSelection } from './rsa-right-history';
import type { RsaStatus } from './rsa-status';

function row(
  referenceMonth: string,
  status: RsaStatus,
  personId: string | null,
  recordedAt: string,
  id = `${referenceMonth}-${status}`,
) {
  return {
    id,
    referenceMonth,
    status,
    personId,
    recordedAt: new Date(recordedAt),
  } satisfies RightRowForSelection & { id: string };
}

describe('selectMonthlyRights', () => {
  it('should keep one row per month, newest month first', () => {
    const rows = [
      row('2026-01-01', 'open', null, '2026-01-05'),
      row('2026-03-01', 'closed', null, '2026-03-05'),
      row('2026-02-01', 'open', null, '2026-02-05'),
    ];
    expect(selectMonthlyRights(rows).map((r) => r.referenceMonth)).toEqual([
      '2026-03-01',
      '2026-02-01',
      '2026-01-01',
    ]);
  });

  it('should prefer the person-level row over the household row when both exist for a month', () => {
    const household = row('2026-02-01', 'suspended_payment', null, '2026-02-20', 'household');
    const person = row('2026-02-01', 'open', 'p1', '2026-02-01', 'person');
    expect(selectMonthlyRights([household, person]).map((r) => r.id)).toEqual(['person']);
    expect(selectMonthlyRights([person, household]).map((r) => r.id)).toEqual(['person']);
  });

  it('should prefer the latest recorded row when two rows of the same level exist for a month', () => {
    const first = row('2026-02-01', 'open', null, '2026-02-01', 'first');
    const correction = row('2026-02-01', 'open_suspended', null, '2026-02-15', 'correction');
    expect(selectMonthlyRights([correction, first]).map((r) => r.id)).toEqual(['correction']);
  });

  it('should return nothing when there is no row', () => {
    expect(selectMonthlyRights([])).toEqual([]);
  });
});

describe('currentStatusSince', () => {
  it('should return the first month of the current run of the latest status', () => {
    const history = [
      { referenceMonth: '2026-05-01', status: 'closed' as const },
      { referenceMonth: '2026-04-01', status: 'closed' as const },
      { referenceMonth: '2026-03-01', status: 'open_suspended' as const },
      { referenceMonth: '2026-02-01', status: 'closed' as const },
    ];
    expect(currentStatusSince(history)).toBe('2026-04-01');
  });

  it('should return the only month when the status just changed', () => {
    expect(
      currentStatusSince([
        { referenceMonth: '2026-05-01', status: 'open' },
        { referenceMonth: '2026-04-01', status: 'pending' },
      ]),
    ).toBe('2026-05-01');
  });

  it('should not break the run when months are missing between two rows of the same status', () => {
    expect(
      currentStatusSince([
        { referenceMonth: '2026-06-01', status: 'open' },
        { referenceMonth: '2026-01-01', status: 'open' },
      ]),
    ).toBe('2026-01-01');
  });

  it('should return null when there is no history', () => {
    expect(currentStatusSince([])).toBeNull();
  });
});
