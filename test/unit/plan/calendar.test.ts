import { describe, it, expect } from 'vitest';
import { WorkingCalendar, addCalendarDays, fromDayNumber, toDayNumber } from '../../../shared/plan/calendar.ts';

const plain = new WorkingCalendar({ holidays: [], blackouts: [] }, ['2026-05-01']);
const yearEnd = new WorkingCalendar({
  holidays: ['2026-05-25'],
  blackouts: [{ name: 'Year-end change freeze', start: '2026-12-18', end: '2027-01-04' }],
}, ['2026-05-01']);

describe('working days', () => {
  it('skip weekends', () => {
    expect(plain.isWorkingDay('2026-05-01')).toBe(true); // Friday
    expect(plain.isWorkingDay('2026-05-02')).toBe(false);
    expect(plain.isWorkingDay('2026-05-03')).toBe(false);
    expect(plain.addWorkingDays('2026-05-01', 1)).toBe('2026-05-04');
    expect(plain.nextWorkingDay('2026-05-02')).toBe('2026-05-04');
    expect(plain.previousWorkingDay('2026-05-03')).toBe('2026-05-01');
  });

  it('skip a holiday', () => {
    expect(yearEnd.isWorkingDay('2026-05-25')).toBe(false);
    expect(yearEnd.addWorkingDays('2026-05-22', 1)).toBe('2026-05-26');
    expect(plain.addWorkingDays('2026-05-22', 1)).toBe('2026-05-25');
  });

  it('skip a blackout period over the year end', () => {
    expect(yearEnd.isWorkingDay('2026-12-17')).toBe(true);
    expect(yearEnd.isWorkingDay('2026-12-18')).toBe(false);
    expect(yearEnd.isWorkingDay('2027-01-04')).toBe(false);
    expect(yearEnd.addWorkingDays('2026-12-17', 1)).toBe('2027-01-05');
    expect(yearEnd.countWorkingDays('2026-12-17', '2027-01-05')).toBe(1);
    expect(plain.countWorkingDays('2026-12-17', '2027-01-05')).toBe(13);
  });

  it('count working days in (from, to], negative backwards', () => {
    expect(plain.countWorkingDays('2026-05-01', '2026-05-01')).toBe(0);
    expect(plain.countWorkingDays('2026-05-01', '2026-05-08')).toBe(5);
    expect(plain.countWorkingDays('2026-05-08', '2026-05-01')).toBe(-5);
    expect(plain.addWorkingDays('2026-05-08', -5)).toBe('2026-05-01');
  });

  it('reach far beyond the range they were built for', () => {
    const far = plain.addWorkingDays('2026-05-01', 2_610);
    expect(far > '2036-01-01').toBe(true);
    expect(plain.countWorkingDays('2026-05-01', far)).toBe(2_610);
    expect(plain.isWorkingDay('2019-01-05')).toBe(false);
    expect(plain.countWorkingDays('2019-01-04', '2019-01-07')).toBe(1);
    // indices handed out before the table grew backwards still hold
    expect(plain.addWorkingDays('2026-05-01', 1)).toBe('2026-05-04');
  });
});

describe('ISO day numbers', () => {
  it('round-trip and do calendar arithmetic across a leap day', () => {
    expect(fromDayNumber(toDayNumber('2028-02-28') + 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-01-06', -28)).toBe('2026-12-09');
  });

  it('reject dates that are not yyyy-MM-dd or do not exist', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(/not a date/);
    expect(() => toDayNumber('06/01/2027')).toThrow(/not a date/);
  });
});
