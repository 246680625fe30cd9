import { describe, expect, it } from 'vitest';
import { applySessionAction, type SessionState } from '../../../shared/workshop/session.ts';

const anItem = (id: number) => ({ id, startedAt: null, endedAt: null, elapsedSeconds: 0, runningSince: null });
const planned: SessionState = { status: 'planned', currentItemId: null, items: [anItem(1), anItem(2), anItem(3)] };
const at = (minute: number, second = 0) => `2026-12-01T09:${String(minute).padStart(2, '0')}:${String(second).padStart(2, '0')}Z`;

describe('the presenter session', () => {
  it('starts on the first item with its timer running', () => {
    const s = applySessionAction(planned, 'start', at(30));
    expect(s).toMatchObject({ status: 'running', currentItemId: 1 });
    expect(s.items[0]).toMatchObject({ startedAt: at(30), runningSince: at(30) });
  });

  it('pauses and ends the item it leaves, and accumulates a timer over pauses', () => {
    let s = applySessionAction(planned, 'start', at(30));
    s = applySessionAction(s, 'timerPause', at(32));
    s = applySessionAction(s, 'timerStart', at(40));
    s = applySessionAction(s, 'next', at(41, 30));
    expect(s.items[0]).toMatchObject({ elapsedSeconds: 210, runningSince: null, endedAt: at(41, 30) });
    expect(s.items[1]).toMatchObject({ startedAt: at(41, 30), runningSince: at(41, 30) });
    expect(s.currentItemId).toBe(2);
  });

  it('goes back to an item and counts on from its earlier time', () => {
    let s = applySessionAction(planned, 'start', at(30));
    s = applySessionAction(s, 'next', at(31));
    s = applySessionAction(s, 'previous', at(32));
    s = applySessionAction(s, 'goto', at(33), 3);
    expect(s.items[0]).toMatchObject({ startedAt: at(30), elapsedSeconds: 120, endedAt: at(33) });
    expect(s.currentItemId).toBe(3);
  });

  it('finishes with every timer stopped, and refuses to move until reopened', () => {
    let s = applySessionAction(planned, 'start', at(30));
    s = applySessionAction(s, 'finish', at(35));
    expect(s.status).toBe('finished');
    expect(s.items.every((i) => i.runningSince === null)).toBe(true);
    expect(s.items[0].endedAt).toBe(at(35));
    expect(() => applySessionAction(s, 'next', at(36))).toThrow(/reopen/);
    expect(applySessionAction(s, 'reopen', at(36)).status).toBe('running');
  });

  it('refuses to start an empty agenda, naming the field', () => {
    expect(() => applySessionAction({ ...planned, items: [] }, 'start', at(30))).toThrow(expect.objectContaining({ field: 'items' }));
  });
});
