// Working days (Monday–Friday minus holidays and blackout periods), precomputed so the scheduler counts in O(1).
import { OfframpError } from '../errors.ts';
import type { BlackoutPeriod, IsoDate } from '../domain/types.ts';

const MS_PER_DAY = 86_400_000;
/** Margin kept on each side when the table is built or rebuilt, so most plans never trigger a rebuild. */
const MARGIN_DAYS = 3 * 366;

/**
 * A calendar day as an integer (days since 1970-01-01). The scheduler handles thousands of workloads,
 * so inside it dates are integers; ISO strings are parsed and formatted only at the boundary.
 */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parsed by hand rather than with date-fns: the scheduler converts dates for thousands of workloads and
 * this is its hot path. The round trip through Date.UTC rejects impossible days such as 2026-02-30.
 */
export function toDayNumber(date: IsoDate): DayNumber {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    day = parseDayNumber(date);
    // Plans reuse a few hundred distinct dates; the bound only guards against unbounded growth.
    if (dayNumbers.size > 50_000) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}

const dayNumbers = new Map<IsoDate, DayNumber>();

function parseDayNumber(date: IsoDate): DayNumber {
  const m = ISO_DATE.exec(date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms / MS_PER_DAY;
  }
  throw new OfframpError({ code: 'invalid_payload', message: `"${date}" is not a date in the form yyyy-MM-dd.`, field: 'date' });
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function fromDayNumber(day: DayNumber): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Calendar-day arithmetic on ISO dates (no working days involved). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
const weekday = (day: DayNumber) => (((day + 4) % 7) + 7) % 7;

export interface CalendarRules {
  holidays: IsoDate[];
  blackouts: BlackoutPeriod[];
}

export class WorkingCalendar {
  private readonly closed = new Set<DayNumber>();
  private readonly closedRanges: [DayNumber, DayNumber][];
  private origin = 0;
  /** workingUpTo[d - origin] = working days in [origin, d]. */
  private workingUpTo = new Int32Array(0);
  /** workDays[i] = the i-th working day on or after origin. */
  private workDays = new Int32Array(0);
  private readonly isoCache = new Map<DayNumber, IsoDate>();
  /**
   * Working days prepended before the first table's origin. Indices and counts handed out are
   * internal − shift, so they stay valid when the table later grows backwards.
   */
  private shift = 0;

  constructor(rules: CalendarRules, around: IsoDate[] = []) {
    for (const h of rules.holidays) this.closed.add(toDayNumber(h));
    this.closedRanges = rules.blackouts.map((b) => [toDayNumber(b.start), toDayNumber(b.end)]);
    const days = around.map(toDayNumber);
    const lo = days.length ? Math.min(...days) : toDayNumber('2026-01-01');
    const hi = days.length ? Math.max(...days) : lo;
    this.build(lo - MARGIN_DAYS, hi + MARGIN_DAYS);
  }

  private isOpen(day: DayNumber): boolean {
    const wd = weekday(day);
    if (wd === 0 || wd === 6 || this.closed.has(day)) return false;
    for (const [start, end] of this.closedRanges) if (day >= start && day <= end) return false;
    return true;
  }

  private build(from: DayNumber, to: DayNumber): void {
    const length = to - from + 1;
    const upTo = new Int32Array(length);
    const work: number[] = [];
    for (let i = 0; i < length; i++) {
      if (this.isOpen(from + i)) work.push(from + i);
      upTo[i] = work.length;
    }
    if (this.workingUpTo.length > 0 && from < this.origin) {
      this.shift += upTo[this.origin - 1 - from];
    }
    this.origin = from;
    this.workingUpTo = upTo;
    this.workDays = Int32Array.from(work);
  }

  /** Rebuild wider when a day falls outside the table (rare: plans decades away, or far in the past). */
  private ensureDay(day: DayNumber): void {
    const last = this.origin + this.workingUpTo.length - 1;
    if (day >= this.origin && day <= last) return;
    const from = Math.min(this.origin, day - MARGIN_DAYS);
    const to = Math.max(last, day + MARGIN_DAYS);
    this.build(from, to);
  }

  private ensureIndex(internal: number): void {
    while (internal >= this.workDays.length) this.ensureDay(this.origin + this.workingUpTo.length + MARGIN_DAYS);
    while (internal < 0) {
      const before = this.shift;
      this.ensureDay(this.origin - MARGIN_DAYS);
      internal += this.shift - before;
    }
  }

  // Working-day indices: consecutive integers for consecutive working days, stable for the calendar's life.

  /** Working days on or before `day`, counted from a fixed point: only differences between counts mean something. */
  countUpTo(day: DayNumber): number {
    this.ensureDay(day);
    return this.workingUpTo[day - this.origin] - this.shift;
  }

  /** Index of the first working day on or after `day`. */
  indexOnOrAfter(day: DayNumber): number {
    const count = this.countUpTo(day);
    return this.isOpenIndexed(day) ? count - 1 : count;
  }

  /** Index of the last working day on or before `day` (−1 if none in the table). */
  indexOnOrBefore(day: DayNumber): number {
    return this.countUpTo(day) - 1;
  }

  dayAt(index: number): DayNumber {
    this.ensureIndex(index + this.shift);
    return this.workDays[index + this.shift];
  }

  private isOpenIndexed(day: DayNumber): boolean {
    const i = day - this.origin;
    return this.workingUpTo[i] > (i === 0 ? 0 : this.workingUpTo[i - 1]);
  }

  iso(day: DayNumber): IsoDate {
    let s = this.isoCache.get(day);
    if (s === undefined) {
      s = fromDayNumber(day);
      this.isoCache.set(day, s);
    }
    return s;
  }

  // ISO-date conveniences for callers outside the scheduler.

  isWorkingDay(date: IsoDate): boolean {
    const day = toDayNumber(date);
    this.ensureDay(day);
    return this.isOpenIndexed(day);
  }

  nextWorkingDay(date: IsoDate): IsoDate {
    return this.iso(this.dayAt(this.indexOnOrAfter(toDayNumber(date))));
  }

  previousWorkingDay(date: IsoDate): IsoDate {
    return this.iso(this.dayAt(this.indexOnOrBefore(toDayNumber(date))));
  }

  /** The working day `n` working days after `date` (before it when n < 0); `date` is first moved to a working day. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    const day = toDayNumber(date);
    const start = n >= 0 ? this.indexOnOrAfter(day) : this.indexOnOrBefore(day);
    return this.iso(this.dayAt(start + n));
  }

  /** Working days in (from, to]: 0 when equal, negative when `to` is before `from`. */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    return this.countUpTo(toDayNumber(to)) - this.countUpTo(toDayNumber(from));
  }
}

export function workingCalendar(rules: CalendarRules, around: IsoDate[] = []): WorkingCalendar {
  return new WorkingCalendar(rules, around);
}
