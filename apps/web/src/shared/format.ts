const DATE = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** `2024-03-05` or an ISO date-time → « 5 mars 2024 ». */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

/** An ISO date-time → « 5 mars 2024 à 14:02 » (heure de Paris). */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  return DATE_TIME.format(new Date(value)).replace(' ', ' ');
}

/** Whole days from a calendar date to today (UTC). */
export function daysSince(date: string, today = new Date()): number {
  const from = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  const to = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.floor((to - from) / 86_400_000);
}

/** Today as YYYY-MM-DD (UTC), optionally shifted by some days. */
export function isoDay(shiftDays = 0, today = new Date()): string {
  return new Date(today.getTime() + shiftDays * 86_400_000).toISOString().slice(0, 10);
}
