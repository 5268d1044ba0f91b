/**
 * i-Milo writes appointment times as naive wall-clock times (`yyyy-MM-dd HH:mm:ss`) of the structure's time zone.
 * These helpers turn them into ISO 8601 instants with the zone's offset (`2026-03-02T09:30:00+01:00`), with Intl
 * only (no date library): the offset is the one in force at that instant, daylight saving time included.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

const NAIVE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let value = formatters.get(timeZone);
  if (!value) {
    value = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, value);
  }
  return value;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in minutes (Paris: 60 in winter, 120 in summer). */
export function zoneOffsetMinutes(utcMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour') % 24,
    get('minute'),
    get('second'),
  );
  return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

/**
 * `2026-03-02 09:30:00` in `Europe/Paris` → `2026-03-02T09:30:00+01:00`. Returns null when the text is not a naive
 * date-time or names an impossible date. A time skipped by the spring change (02:30 on the last Sunday of March)
 * comes out as the instant one hour later (03:30+02:00); a repeated autumn time takes the later, winter offset.
 */
export function naiveToZonedIso(naive: string, timeZone: string = DEFAULT_TIME_ZONE): string | null {
  const match = NAIVE.exec(naive.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return null;

  let utc = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  const second_ = zoneOffsetMinutes(utc, timeZone);
  if (wall - second_ * 60_000 !== utc) utc = wall - second_ * 60_000;
  return formatZoned(utc, timeZone);
}

/** An instant as ISO 8601 with the offset of `timeZone` at that instant, to the second. */
export function formatZoned(utcMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  const offset = zoneOffsetMinutes(utcMs, timeZone);
  const local = new Date(Math.floor(utcMs / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The naive wall time of an instant in `timeZone`, as i-Milo writes it (`yyyy-MM-dd HH:mm:ss`). */
export function toNaive(utcMs: number, timeZone: string = DEFAULT_TIME_ZONE): string {
  return formatZoned(utcMs, timeZone).slice(0, 19).replace('T', ' ');
}
