/**
 * Calendar months in UTC, as the report uses them: "2026-10" names October 2026, from
 * 2026-10-01T00:00:00Z (inclusive) to 2026-11-01T00:00:00Z (exclusive). Pure: "now" is always
 * passed in, never read from a clock.
 */

/** A calendar month; `month` is 1–12. */
export interface CalendarMonth {
  year: number;
  month: number;
}

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** Why a month string was refused; the CLI turns this into a one-line UsageError. */
export class MonthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MonthError";
  }
}

/**
 * Parses "YYYY-MM". `parseMonth("2026-10")` is `{ year: 2026, month: 10 }`;
 * `parseMonth("2026-13")` throws a MonthError.
 */
export function parseMonth(text: string): CalendarMonth {
  const match = MONTH_PATTERN.exec(text.trim());
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || month < 1 || month > 12 || year < 2014) {
    // Lambda launched in November 2014; nothing earlier can have metrics.
    throw new MonthError(
      `"${text}" is not a month; use YYYY-MM with a month from 01 to 12 (e.g. 2026-10), or "previous".`,
    );
  }
  return { year, month };
}

/** "2026-10" for October 2026. */
export function formatMonth({ year, month }: CalendarMonth): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** The month before: `previousMonthOf({year: 2026, month: 1})` is December 2025. */
export function previousMonthOf({ year, month }: CalendarMonth): CalendarMonth {
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/** The month a UTC instant falls in. */
export function monthOf(now: Date): CalendarMonth {
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

/**
 * The last complete calendar month in UTC before `now` (what `--month previous` means).
 * At 2026-11-01T00:00:00Z October is complete, so it is October; one millisecond earlier,
 * October is still running and it is September.
 */
export function lastCompleteMonth(now: Date): CalendarMonth {
  return previousMonthOf(monthOf(now));
}

/** Start (inclusive) and end (exclusive) of the month, as UTC instants. */
export function monthRange({ year, month }: CalendarMonth): { start: Date; end: Date } {
  return {
    start: new Date(Date.UTC(year, month - 1, 1)),
    end: new Date(Date.UTC(year, month, 1)),
  };
}

/** Days in the month: 31 for October, 29 for February 2028. */
export function daysInMonth(month: CalendarMonth): number {
  const { start, end } = monthRange(month);
  return Math.round((end.getTime() - start.getTime()) / 86_400_000);
}

/**
 * Hours in the month, every one of them (UTC has no DST): 744 for October, 720 for November,
 * 672 for February 2026. Provisioned concurrency configured all month is billed for these.
 */
export function hoursInMonth(month: CalendarMonth): number {
  return daysInMonth(month) * 24;
}

/** True when the month has ended at `now` (so its metrics are final). */
export function isComplete(month: CalendarMonth, now: Date): boolean {
  return monthRange(month).end.getTime() <= now.getTime();
}

/**
 * CloudWatch keeps 1-hour datapoints for 455 days (15 months), then drops them; daily sums of an
 * older month would silently come back short or empty (GetMetricData docs, "Retention").
 */
export const METRIC_RETENTION_DAYS = 455;

/**
 * Resolves the `--month` value: "previous" (the default) or "YYYY-MM", which must be a
 * complete month at `now`. The current month and later months are refused: their metrics are
 * not final, and a report for them would silently undercount.
 */
export function resolveReportMonth(text: string | undefined, now: Date): CalendarMonth {
  if (text === undefined || text === "previous") return lastCompleteMonth(now);
  const month = parseMonth(text);
  if (!isComplete(month, now)) {
    const latest = formatMonth(lastCompleteMonth(now));
    throw new MonthError(
      `month ${formatMonth(month)} has not ended yet (UTC); use a complete month up to ${latest}, or "previous".`,
    );
  }
  const oldestMs = now.getTime() - METRIC_RETENTION_DAYS * 86_400_000;
  if (monthRange(month).start.getTime() < oldestMs) {
    throw new MonthError(
      `month ${formatMonth(month)} is older than CloudWatch's ${METRIC_RETENTION_DAYS}-day retention of hourly metrics; use a month from the last 15.`,
    );
  }
  return month;
}
