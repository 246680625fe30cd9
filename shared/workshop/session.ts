// The presenter's session as a pure step: start, move between items, start/pause the item timer, finish, reopen.
// Each item's timer accumulates over pauses; leaving an item pauses it and records when it ended.
import { differenceInMilliseconds, parseISO } from 'date-fns';
import { OfframpError } from '../errors.ts';
import type { AgendaItem, SessionAction, WorkshopStatus } from './types.ts';

export type ItemTimer = Pick<AgendaItem, 'id' | 'startedAt' | 'endedAt' | 'elapsedSeconds' | 'runningSince'>;

export interface SessionState {
  status: WorkshopStatus;
  currentItemId: number | null;
  /** In agenda order. */
  items: ItemTimer[];
}

function pause(item: ItemTimer, at: string): ItemTimer {
  if (!item.runningSince) return item;
  const ran = Math.max(0, Math.floor(differenceInMilliseconds(parseISO(at), parseISO(item.runningSince)) / 1000));
  return { ...item, elapsedSeconds: item.elapsedSeconds + ran, runningSince: null };
}

function run(item: ItemTimer, at: string): ItemTimer {
  if (item.runningSince) return item;
  return { ...item, startedAt: item.startedAt ?? at, runningSince: at };
}

function leave(item: ItemTimer, at: string): ItemTimer {
  const paused = pause(item, at);
  return paused.startedAt ? { ...paused, endedAt: at } : paused;
}

/**
 * The session after `action` at the presenter's clock `at`. Moving (start, next, previous, goto) leaves the
 * current item (timer paused, end recorded) and runs the new one's timer; moving before the workshop started
 * starts it; a finished workshop must be reopened first.
 */
export function applySessionAction(state: SessionState, action: SessionAction, at: string, itemId?: number): SessionState {
  const items = state.items;
  if (items.length === 0) throw new OfframpError({ code: 'conflict', field: 'items', message: 'The agenda is empty: add an item before starting the workshop' });
  const index = items.findIndex((i) => i.id === state.currentItemId);
  const update = (id: number | null, fn: (i: ItemTimer) => ItemTimer) => items.map((i) => (i.id === id ? fn(i) : i));

  if (action === 'reopen') {
    return { ...state, status: 'running', currentItemId: state.currentItemId ?? items[0].id };
  }
  if (state.status === 'finished') {
    throw new OfframpError({ code: 'conflict', field: 'action', message: 'The workshop is finished: reopen it to carry on' });
  }
  if (action === 'finish') {
    return { status: 'finished', currentItemId: state.currentItemId, items: items.map((i) => (i.id === state.currentItemId ? leave(i, at) : pause(i, at))) };
  }
  if (action === 'timerStart' || action === 'timerPause') {
    const target = itemId ?? state.currentItemId;
    if (target === null || !items.some((i) => i.id === target)) {
      throw new OfframpError({ code: 'invalid_payload', field: 'itemId', message: 'Start the workshop, or name an item of its agenda, to use the timer' });
    }
    const status: WorkshopStatus = 'running';
    return { status, currentItemId: state.currentItemId ?? target, items: update(target, (i) => (action === 'timerStart' ? run(i, at) : pause(i, at))) };
  }

  let next: number;
  if (action === 'start') next = 0;
  else if (action === 'next') next = index < 0 ? 0 : Math.min(items.length - 1, index + 1);
  else if (action === 'previous') next = index < 0 ? 0 : Math.max(0, index - 1);
  else {
    next = items.findIndex((i) => i.id === itemId);
    if (next < 0) throw new OfframpError({ code: 'invalid_payload', field: 'itemId', message: 'Go to an item of this workshop\'s agenda' });
  }
  const target = items[next].id;
  if (target === state.currentItemId && state.status === 'running') return state;
  const moved = items.map((i) => (i.id === state.currentItemId && i.id !== target ? leave(i, at) : i.id === target ? run(i, at) : i));
  return { status: 'running', currentItemId: target, items: moved };
}
