// The strip under the stage: the item's timer (counting down, overrunning visibly past zero), the session's lateness,
// the next item (presenter only) and the days left to the training deadline and the client's internal sunset.
import type { ReactNode } from 'react';
import type { Portfolio } from '../../../shared/portfolio.ts';
import type { AgendaItem, WorkshopDetail } from '../../../shared/workshop/types.ts';
import { formatCountdown, itemRemainingSeconds, sessionPace } from '../../../shared/workshop/agenda.ts';
import { deadlines } from './Items.tsx';

export function TimerText({ item, now, large }: { item: AgendaItem; now: number; large?: boolean }) {
  const remaining = itemRemainingSeconds(item, new Date(now).toISOString());
  const over = remaining < 0;
  const state = item.runningSince ? 'running' : item.startedAt ? 'paused' : 'not started';
  return (
    <div className={`timer${over ? ' timer--over' : ''}${large ? ' timer--large' : ''}`} role="timer" aria-label="Item timer">
      <span className="timer__value">{formatCountdown(remaining)}</span>
      <span className="timer__label">
        {over ? <><span aria-hidden="true">⚠ </span>over time</> : 'left'}
        <span className={`timer__state timer__state--${state.replace(' ', '-')}`}>{state === 'running' ? '▶ running' : state === 'paused' ? '❚❚ paused' : 'not started'}</span>
      </span>
    </div>
  );
}

export function SessionPace({ detail, now }: { detail: WorkshopDetail; now: number }) {
  const pace = sessionPace(detail.agenda, detail.workshop.currentItemId, new Date(now).toISOString());
  const behind = pace.minutesBehind;
  const status = behind > 0 ? 'late' : 'on_track';
  return (
    <p className={`pace pace--${status}`}>
      <span className="pace__icon" aria-hidden="true">{behind > 0 ? '✕' : '✓'}</span>
      {pace.label}
    </p>
  );
}

export function TimeStrip({ detail, current, next, portfolio, now, audience, children }: {
  detail: WorkshopDetail; current: AgendaItem | null; next: AgendaItem | null; portfolio: Portfolio | null; now: number; audience: boolean; children?: ReactNode;
}) {
  const { deadline, sunset } = deadlines(portfolio, detail.workshop.clientId, now);
  return (
    <footer className={`strip${audience ? ' strip--audience' : ''}`} aria-label="Time">
      {current ? <TimerText item={current} now={now} large /> : null}
      <div className="strip__facts">
        {current ? <SessionPace detail={detail} now={now} /> : null}
        {!audience && current ? <p className="strip__next"><span className="strip__label">Next</span> {next ? next.title : 'End of the agenda'}</p> : null}
        <p className="strip__days">
          {deadline ? <span><strong>{deadline.days}</strong> days to the training deadline</span> : null}
          {sunset ? <span><strong>{sunset.days}</strong> days to the internal sunset</span> : null}
        </p>
      </div>
      {children}
    </footer>
  );
}
