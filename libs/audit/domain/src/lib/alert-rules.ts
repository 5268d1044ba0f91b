/** The alert kinds raised on the audit log. */
export const AUDIT_ALERT_KINDS = ['volume', 'outside_portfolio'] as const;
export type AuditAlertKind = (typeof AUDIT_ALERT_KINDS)[number];

/** One audit entry as the alert rules see it: when, and about whom. */
export interface AlertEvent {
  at: Date;
  personId: string | null;
}

export interface WindowPeak {
  /** The largest count found in one window. */
  count: number;
  /** The window (`end - windowMs`, `end`] where the count was first reached. */
  windowStart: Date;
  windowEnd: Date;
}

/**
 * The largest number of distinct persons named by the events of any sliding window of `windowMs`, and where it was
 * first reached. Events must be sorted by time. Linear: two pointers and a count per person in the window.
 */
export function peakDistinctPersons(events: readonly AlertEvent[], windowMs: number): WindowPeak | null {
  const inWindow = new Map<string, number>();
  let peak: WindowPeak | null = null;
  let start = 0;
  for (let end = 0; end < events.length; end += 1) {
    const current = events[end];
    const until = current.at.getTime();
    while (start < end && events[start].at.getTime() <= until - windowMs) {
      const leaving = events[start].personId;
      if (leaving !== null) {
        const left = (inWindow.get(leaving) ?? 0) - 1;
        if (left <= 0) inWindow.delete(leaving);
        else inWindow.set(leaving, left);
      }
      start += 1;
    }
    if (current.personId !== null) inWindow.set(current.personId, (inWindow.get(current.personId) ?? 0) + 1);
    if (!peak || inWindow.size > peak.count) {
      peak = { count: inWindow.size, windowStart: new Date(until - windowMs), windowEnd: new Date(until) };
    }
  }
  return peak;
}

/** The largest number of events in any sliding window of `windowMs` (events sorted by time). */
export function peakEvents(events: readonly AlertEvent[], windowMs: number): WindowPeak | null {
  let peak: WindowPeak | null = null;
  let start = 0;
  for (let end = 0; end < events.length; end += 1) {
    const until = events[end].at.getTime();
    while (events[start].at.getTime() <= until - windowMs) start += 1;
    const count = end - start + 1;
    if (!peak || count > peak.count) {
      peak = { count, windowStart: new Date(until - windowMs), windowEnd: new Date(until) };
    }
  }
  return peak;
}
