import { partnerActionKey, partnerActionStatus } from './partner-follow-up';

describe('partnerActionStatus', () => {
  const none = { plannedStartOn: null, startOn: null, doneOn: null };

  it.each([
    [none, 'prescribed'],
    [{ ...none, plannedStartOn: '2026-01-05' }, 'planned'],
    [{ ...none, plannedStartOn: '2026-01-05', startOn: '2026-01-06' }, 'started'],
    [{ ...none, startOn: '2026-01-06', doneOn: '2026-01-06' }, 'realised'],
    [{ ...none, doneOn: '2026-01-06' }, 'realised'],
  ])('should be the furthest step the dates record when given %p', (dates, status) => {
    expect(partnerActionStatus(dates)).toBe(status);
  });
});

describe('partnerActionKey', () => {
  it('should tell apart two placeholder-coded actions prescribed the same day when their labels differ', () => {
    const a = partnerActionKey({ code: 'XXX', prescribedOn: '2016-11-09', label: 'CEJ MISSION LOCALE' });
    const b = partnerActionKey({ code: 'XXX', prescribedOn: '2016-11-09', label: 'ATELIER CV' });
    expect(a).not.toBe(b);
    expect(partnerActionKey({ code: 'XXX', prescribedOn: '2016-11-09', label: 'ATELIER CV' })).toBe(b);
  });

  it('should keep an action without prescription date apart from a dated one', () => {
    expect(partnerActionKey({ code: 'A14', prescribedOn: null, label: 'X' })).toBe('A14||X');
  });
});
