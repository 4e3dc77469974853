const formatters = new Map<string, Intl.DateTimeFormat>();

/** The last date written: the events of a batched hit share their receive time. */
const last = { milliseconds: NaN, timeZone: undefined as string | undefined, date: '' };

/**
 * `event_date` as the export writes it, `YYYYMMDD`, for a time in milliseconds: in UTC, or in
 * the IANA `timeZone` given (the GA4 property's). An unknown time zone falls back to UTC.
 */
export function formatEventDate(milliseconds: number, timeZone?: string): string {
  if (milliseconds === last.milliseconds && timeZone === last.timeZone) {
    return last.date;
  }
  const date = writeEventDate(milliseconds, timeZone);
  last.milliseconds = milliseconds;
  last.timeZone = timeZone;
  last.date = date;
  return date;
}

function writeEventDate(milliseconds: number, timeZone: string | undefined): string {
  const date = new Date(milliseconds);
  if (timeZone === undefined || timeZone === 'UTC') {
    return utcDate(date);
  }
  const formatter = formatterFor(timeZone);
  if (formatter === undefined) {
    return utcDate(date);
  }
  const parts = formatter.formatToParts(date);
  const part = (type: string): string => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

function utcDate(date: Date): string {
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${date.getUTCFullYear()}${month}${day}`;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) {
    return cached;
  }
  try {
    const options = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' } as const;
    const formatter = new Intl.DateTimeFormat('en-CA', options);
    formatters.set(timeZone, formatter);
    return formatter;
  } catch {
    return undefined;
  }
}
