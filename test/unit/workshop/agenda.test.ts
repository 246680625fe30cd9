import { describe, expect, it } from 'vitest';
import {
  agendaMinutes, formatCountdown, itemElapsedSeconds, itemRemainingSeconds, plannedEndTime, plannedStartTimes, sessionPace, validateAgenda,
} from '../../../shared/workshop/agenda.ts';

const anItem = (id: number, plannedMinutes: number, timer: { elapsedSeconds?: number; runningSince?: string | null } = {}) =>
  ({ id, plannedMinutes, elapsedSeconds: timer.elapsedSeconds ?? 0, runningSince: timer.runningSince ?? null });

describe('agenda arithmetic', () => {
  it('adds up the planned minutes and gives each item its planned start', () => {
    const items = [anItem(1, 5), anItem(2, 40), anItem(3, 45)];
    expect(agendaMinutes(items)).toBe(90);
    expect(plannedStartTimes('09:30', items)).toEqual(['09:30', '09:35', '10:15']);
    expect(plannedEndTime('09:30', items)).toBe('11:00');
  });

  it('counts a running timer on top of what it ran before a pause', () => {
    const item = anItem(1, 10, { elapsedSeconds: 120, runningSince: '2026-12-01T09:40:00Z' });
    expect(itemElapsedSeconds(item, '2026-12-01T09:41:30Z')).toBe(210);
    expect(itemRemainingSeconds(item, '2026-12-01T09:41:30Z')).toBe(390);
  });

  it('goes negative once an item overruns, and shows it', () => {
    const item = anItem(1, 1, { runningSince: '2026-12-01T09:00:00Z' });
    expect(itemRemainingSeconds(item, '2026-12-01T09:02:05Z')).toBe(-65);
    expect(formatCountdown(-65)).toBe('-1:05');
    expect(formatCountdown(600)).toBe('10:00');
  });

  it('says how far the session is behind: finished items by their actual time, the current one only once it overruns', () => {
    const items = [anItem(1, 5, { elapsedSeconds: 8 * 60 }), anItem(2, 10, { elapsedSeconds: 4 * 60 }), anItem(3, 10)];
    expect(sessionPace(items, 2, '2026-12-01T10:00:00Z').label).toBe('3 minutes behind');
    const overrun = [anItem(1, 5, { elapsedSeconds: 5 * 60 }), anItem(2, 10, { elapsedSeconds: 11 * 60 })];
    expect(sessionPace(overrun, 2, '2026-12-01T10:00:00Z').label).toBe('1 minute behind');
    const quick = [anItem(1, 5, { elapsedSeconds: 60 }), anItem(2, 10)];
    expect(sessionPace(quick, 2, '2026-12-01T10:00:00Z').label).toBe('4 minutes ahead');
    expect(sessionPace(items, null, '2026-12-01T10:00:00Z').label).toBe('On time');
  });

  it('refuses an agenda longer than the day, than the workshop, or past midnight, naming the field', () => {
    expect(validateAgenda({ plannedMinutes: 90, startTime: '09:00' }, [anItem(1, 300), anItem(2, 200)])).toEqual([
      { field: 'items', message: expect.stringMatching(/500 minutes, longer than a working day \(480 minutes\)/) },
    ]);
    expect(validateAgenda({ plannedMinutes: 90, startTime: '09:00' }, [anItem(1, 95)])[0]).toMatchObject({ field: 'plannedMinutes' });
    expect(validateAgenda({ plannedMinutes: 120, startTime: '23:00' }, [anItem(1, 60)])[0]).toMatchObject({ field: 'startTime' });
    expect(validateAgenda({ plannedMinutes: 90, startTime: '09:00' }, [anItem(1, 90)])).toEqual([]);
  });
});
