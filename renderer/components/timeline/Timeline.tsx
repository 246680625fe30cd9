// The portfolio Gantt: the six steps of every workload as bars per client, with today, sunset, deadline and commitment markers.
// Rows are virtualized and may arrive in windows (5,000 workloads stay smooth): a row not fetched yet shows a
// placeholder and `onRowsShown` asks for it. The bars are one keyboard stop moved with the arrow keys.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { format, parseISO } from 'date-fns';
import { Link } from 'wouter';
import { fromDayNumber, toDayNumber } from '../../../shared/plan/calendar.ts';
import type { PortfolioWorkload } from '../../../shared/portfolio.ts';
import { toPlanRow, type PlanRow, type PlanRowStep } from '../../../shared/planView.ts';
import { STEP_NAMES } from '../../../shared/plan/types.ts';
import type { IsoDate } from '../../../shared/domain/types.ts';
import { STATUS_META, StatusBadge, slackText } from './status.tsx';
import './timeline.css';

export interface TimelineGroup {
  clientId: number;
  clientName: string;
  /** The client's internal sunset date (earliest of its workloads). */
  sunset: IsoDate | null;
  /** In display order; a hole is a row not fetched yet (drawn as a placeholder). Full portfolio rows are accepted too. */
  rows: readonly (PlanRow | PortfolioWorkload | undefined)[];
  /** Late workloads of the client, when not every row is at hand. */
  late?: number;
}

/** A baseline's dates for one workload, drawn as a dashed outline behind its bars. */
export interface Ghost {
  start: IsoDate;
  end: IsoDate;
}

/** A span without work: a blackout period (e.g. a year-end change freeze). */
export interface Closure {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

/** Another dated event of the deadline policy, e.g. an announced inference retirement. */
export interface EventMarker {
  date: IsoDate;
  name: string;
}

export interface CommitmentMarker {
  date: IsoDate;
  label: string;
  clientId: number;
}

interface Props {
  groups: TimelineGroup[];
  today: IsoDate;
  trainingDeadline: IsoDate;
  commitments: CommitmentMarker[];
  closures?: Closure[];
  events?: EventMarker[];
  /** The horizontal range (earliest start, latest end or sunset); computed from the rows when absent. */
  span?: { start: IsoDate; end: IsoDate } | null;
  /** Indexes (counting workload rows across groups) of the rows in view, so the caller can fetch the missing ones. */
  onRowsShown?(first: number, last: number): void;
  ghosts?: ReadonlyMap<number, Ghost>;
  onOpen(workloadId: number): void;
}

type FlatRow = { kind: 'client'; group: TimelineGroup } | { kind: 'workload'; group: TimelineGroup; index: number; item: PlanRow | undefined };

const asRow = (r: PlanRow | PortfolioWorkload | undefined): PlanRow | undefined => (r && 'plan' in r ? toPlanRow(r) : r);

const LABEL_W = 280;
const ROW_H = 44;
const CLIENT_H = 34;
/** Left to right; step 4 (governance) runs beside step 3 in the lower lane. */
const STEP_ORDER = [1, 2, 3, 4, 5, 6] as const;

interface Tip { rowIndex: number; step: number; left: number; top: number; above: boolean }

/** Stable defaults: a new [] each render would remake the rows' background lines each render (see commonLines). */
const NO_CLOSURES: Closure[] = [];
const NO_EVENTS: EventMarker[] = [];

export function Timeline({ groups, today, trainingDeadline, commitments, closures = NO_CLOSURES, events = NO_EVENTS, span, onRowsShown, ghosts, onOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  const [focus, setFocus] = useState<{ row: number; step: number } | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const pendingFocus = useRef(false);

  const rows = useMemo<FlatRow[]>(() => {
    const out: FlatRow[] = [];
    let index = 0;
    for (const g of groups) {
      out.push({ kind: 'client', group: g });
      // A plain loop, not map: holes (rows not fetched yet) must become placeholders, not be skipped.
      for (let i = 0; i < g.rows.length; i++) out.push({ kind: 'workload', group: g, index: index++, item: asRow(g.rows[i]) });
    }
    return out;
  }, [groups]);

  // The visible span: from just before the earliest start (or today) to just after the latest end, sunset or the deadline.
  const range = useMemo(() => {
    let lo = toDayNumber(today);
    let hi = toDayNumber(trainingDeadline);
    if (span) {
      lo = Math.min(lo, toDayNumber(span.start));
      hi = Math.max(hi, toDayNumber(span.end));
    } else {
      for (const r of rows) {
        if (r.kind !== 'workload' || !r.item) continue;
        lo = Math.min(lo, toDayNumber(r.item.start));
        hi = Math.max(hi, toDayNumber(r.item.end), toDayNumber(r.item.sunset.date));
      }
    }
    return { lo: lo - 3, hi: hi + 7 };
  }, [rows, span, today, trainingDeadline]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return undefined;
    const measure = () => setWidth(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const trackW = Math.max(480, width - LABEL_W);
  const pxPerDay = trackW / (range.hi - range.lo + 1);
  const x = useCallback((date: IsoDate) => (toDayNumber(date) - range.lo) * pxPerDay, [range.lo, pxPerDay]);

  const firstWorkloadRow = rows.findIndex((r) => r.kind === 'workload');
  // The one bar that Tab reaches: the last one focused, or the first workload's first step (also after a filter changes the rows).
  const focusValid = focus !== null && rows[focus.row]?.kind === 'workload';
  const active = focusValid ? focus : (firstWorkloadRow >= 0 ? { row: firstWorkloadRow, step: 1 } : null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i].kind === 'client' ? CLIENT_H : ROW_H),
    // Five rows (220 px, about two wheel notches) beyond each edge: every rendered row is redrawn when the plan
    // changes, and ten on each side made a third of that work for rows out of sight.
    overscan: 5,
    // The bar that Tab reaches stays rendered even when scrolled out of view, so the timeline never loses its tab stop.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      return active && !indexes.includes(active.row) ? [...indexes, active.row].sort((a, b) => a - b) : indexes;
    },
  });
  useEffect(() => { virtualizer.measure(); }, [rows, virtualizer]);

  // Tell the caller which workload rows are in view (it fetches the ones it lacks).
  const virtualItems = virtualizer.getVirtualItems();
  const firstShown = virtualItems.find((v) => rows[v.index]?.kind === 'workload');
  const lastShown = [...virtualItems].reverse().find((v) => rows[v.index]?.kind === 'workload');
  const shownFrom = firstShown ? (rows[firstShown.index] as { index: number }).index : -1;
  const shownTo = lastShown ? (rows[lastShown.index] as { index: number }).index : -1;
  useEffect(() => {
    if (onRowsShown && shownFrom >= 0) onRowsShown(shownFrom, shownTo);
  }, [onRowsShown, shownFrom, shownTo]);

  // Focus follows the roving position once its row is rendered.
  useEffect(() => {
    if (!pendingFocus.current || !focus) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-bar="${focus.row}-${focus.step}"]`);
    if (el) {
      pendingFocus.current = false;
      el.focus();
    }
  });

  function move(row: number, step: number) {
    pendingFocus.current = true;
    setFocus({ row, step });
    virtualizer.scrollToIndex(row, { align: 'auto' });
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (!active) return;
    const { row, step } = active;
    const nextWorkload = (dir: 1 | -1) => {
      for (let i = row + dir; i >= 0 && i < rows.length; i += dir) if (rows[i].kind === 'workload') return i;
      return row;
    };
    const idx = STEP_ORDER.indexOf(step as (typeof STEP_ORDER)[number]);
    switch (e.key) {
      case 'ArrowRight': move(row, STEP_ORDER[Math.min(5, idx + 1)]); break;
      case 'ArrowLeft': move(row, STEP_ORDER[Math.max(0, idx - 1)]); break;
      case 'ArrowDown': move(nextWorkload(1), step); break;
      case 'ArrowUp': move(nextWorkload(-1), step); break;
      case 'Home': move(row, 1); break;
      case 'End': move(row, 6); break;
      case 'PageDown': { let r = row; for (let i = 0; i < 10; i++) r = nextWorkloadFrom(rows, r, 1); move(r, step); break; }
      case 'PageUp': { let r = row; for (let i = 0; i < 10; i++) r = nextWorkloadFrom(rows, r, -1); move(r, step); break; }
      case 'Enter': {
        const r = rows[row];
        if (r.kind === 'workload' && r.item) onOpen(r.item.workloadId);
        break;
      }
      default: return;
    }
    e.preventDefault();
  }

  function showTip(rowIndex: number, step: number, el: HTMLElement) {
    const inner = el.closest('.gantt__inner') as HTMLElement | null;
    if (!inner) return;
    const a = el.getBoundingClientRect();
    const b = inner.getBoundingClientRect();
    const left = Math.min(Math.max(LABEL_W + 4, a.left - b.left), b.width - 332);
    // Above the bar when it sits near the bottom of the visible area.
    const above = a.bottom + 170 > scrollRef.current!.getBoundingClientRect().bottom;
    setTip({ rowIndex, step, left, top: above ? a.top - b.top - 6 : a.bottom - b.top + 6, above });
  }

  // Keyed by the day numbers, not the range object: that is new whenever rows arrive, and walking every day of the
  // span (with a date parse per day for the weeks) took longer than drawing the rows.
  const months = useMemo(() => monthStarts(range.lo, range.hi), [range.lo, range.hi]);
  const weekly = pxPerDay * 7 >= 30;
  const mondays = useMemo(() => (weekly ? weekStarts(range.lo, range.hi) : []), [range.lo, range.hi, weekly]);
  const visibleCommitments = useMemo(() => commitments.filter((c) => {
    const d = toDayNumber(c.date);
    return d >= range.lo && d <= range.hi;
  }), [commitments, range.lo, range.hi]);
  const visibleClosures = useMemo(() => closures
    .map((c) => ({ ...c, lo: Math.max(range.lo, toDayNumber(c.start)), hi: Math.min(range.hi, toDayNumber(c.end)) }))
    .filter((c) => c.lo <= c.hi), [closures, range.lo, range.hi]);
  const band = useCallback((c: { lo: number; hi: number }) => ({ left: (c.lo - range.lo) * pxPerDay, width: (c.hi - c.lo + 1) * pxPerDay }), [range.lo, pxPerDay]);
  const visibleEvents = useMemo(() => events.filter((e) => toDayNumber(e.date) >= range.lo && toDayNumber(e.date) <= range.hi), [events, range.lo, range.hi]);
  // Each row draws its own client's commitment lines: index them once, not once per row.
  const commitmentsByClient = useMemo(() => {
    const byClient = new Map<number, CommitmentMarker[]>();
    for (const c of visibleCommitments) {
      const list = byClient.get(c.clientId);
      if (list) list.push(c);
      else byClient.set(c.clientId, [c]);
    }
    return byClient;
  }, [visibleCommitments]);
  // The background lines of every row (a month line per month of the span, over a hundred on a long plan, and the
  // client's commitment lines), made once per scale rather than per row and render: React skips an element it has
  // already rendered, so a new plan or order redraws the bars, not thousands of lines. Painted in this order.
  const commonBefore = useMemo(() => (
    <>
      {visibleClosures.map((c) => <span key={c.name + c.start} className="gantt__closure" style={band(c)} />)}
      {months.map((m) => <span key={m} className="gantt__line gantt__line--month" style={{ left: x(m) }} />)}
    </>
  ), [visibleClosures, band, months, x]);
  const commonAfter = useMemo(() => (
    <>
      <span className="gantt__line gantt__line--today" style={{ left: x(today) }} />
      <span className="gantt__line gantt__line--deadline" style={{ left: x(trainingDeadline) }} />
      {visibleEvents.map((e) => <span key={e.name + e.date} className="gantt__line gantt__line--event" style={{ left: x(e.date) }} />)}
    </>
  ), [x, today, trainingDeadline, visibleEvents]);
  const clientLines = useMemo(() => {
    const made = new Map<string, ReactElement>();
    return (clientId: number, sunset: IsoDate | null): ReactElement => {
      const key = `${clientId}/${sunset ?? ''}`;
      let el = made.get(key);
      if (!el) {
        el = (
          <>
            {(commitmentsByClient.get(clientId) ?? []).map((c, i) => (
              <span key={`c${i}`} className="gantt__line gantt__line--commitment" style={{ left: x(c.date) + pxPerDay / 2 }} />
            ))}
            {sunset ? <span className="gantt__line gantt__line--sunset" style={{ left: x(sunset) + pxPerDay }} /> : null}
          </>
        );
        made.set(key, el);
      }
      return el;
    };
  }, [commitmentsByClient, x, pxPerDay]);
  const axisMonths = useMemo(() => months.map((m) => (
    <span key={m} className="gantt__month" style={{ left: x(m) }}>{format(parseISO(m), 'MMM yyyy')}</span>
  )), [months, x]);
  const tipRow = tip ? rows[tip.rowIndex] : null;
  const tipItem = tipRow?.kind === 'workload' ? tipRow.item : undefined;
  const tipStep = tipItem?.steps.find((s) => s.step === tip!.step);

  return (
    <div className="gantt" ref={scrollRef} role="region" aria-label="Timeline of the six steps per workload">
      <div className="gantt__inner" style={{ width: LABEL_W + trackW }}>
        <div className="gantt__axis">
          <div className="gantt__axis-label" style={{ width: LABEL_W }}>Workload · status</div>
          <div className="gantt__axis-track">
            {visibleClosures.map((c) => (
              <span key={c.name + c.start} className="gantt__closure gantt__closure--axis" style={band(c)} title={`${c.name}: ${c.start} to ${c.end} (no working days)`} />
            ))}
            {axisMonths}
            {mondays.map((m) => (
              <span key={m} className="gantt__week" style={{ left: x(m) }} aria-hidden="true">{format(parseISO(m), 'd')}</span>
            ))}
            <span className="gantt__flag gantt__flag--today" style={{ left: x(today) }}>Today</span>
            <span className="gantt__flag gantt__flag--deadline" style={{ left: x(trainingDeadline) }}>Training deadline {format(parseISO(trainingDeadline), 'MMM d')}</span>
            {visibleEvents.map((e) => (
              <span key={e.name + e.date} className="gantt__flag gantt__flag--event" style={{ left: x(e.date) }} title={`${e.name}: ${e.date}`}>{e.name} {format(parseISO(e.date), 'MMM d')}</span>
            ))}
            {visibleCommitments.map((c, i) => (
              <span key={`${c.date}-${i}`} className="gantt__commitment" style={{ left: x(c.date) + pxPerDay / 2 }}
                role="img" aria-label={`Commitment due ${c.date}: ${c.label}`} title={`Commitment due ${c.date}: ${c.label}`} />
            ))}
          </div>
        </div>

        <div className="gantt__body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown} role="grid" aria-label="Plan timeline" aria-rowcount={rows.length}>
          {virtualItems.map((v) => {
            const r = rows[v.index];
            const lines = <>{commonBefore}{clientLines(r.group.clientId, r.group.sunset)}{commonAfter}</>;
            if (r.kind === 'client') {
              const late = r.group.late ?? r.group.rows.filter((w) => asRow(w)?.status === 'late').length;
              return (
                <div key={v.key} role="row" aria-rowindex={v.index + 1} className="gantt__row gantt__row--client" style={{ top: v.start, height: v.size }}>
                  <div role="rowheader" className="gantt__label" style={{ width: LABEL_W }}>
                    <span>{r.group.clientName}</span>
                    <span className="gantt__client-meta">{r.group.rows.length} workload{r.group.rows.length === 1 ? '' : 's'}{late ? ` · ${late} late` : ''}</span>
                  </div>
                  <div className="gantt__track" role="gridcell">
                    {lines}
                    {visibleClosures.map((c) => (
                      <span key={c.name + c.start} className="gantt__closure-label" style={band(c)} title={`${c.name}: ${c.start} to ${c.end} (no working days)`}>{c.name}</span>
                    ))}
                    {r.group.sunset ? (
                      <span className="gantt__client-sunset" style={{ left: x(r.group.sunset) + pxPerDay }}>Sunset {format(parseISO(r.group.sunset), 'MMM d')}</span>
                    ) : null}
                  </div>
                </div>
              );
            }
            const plan = r.item;
            if (!plan) {
              return (
                <div key={v.key} role="row" aria-rowindex={v.index + 1} aria-busy="true" className="gantt__row gantt__row--loading" style={{ top: v.start, height: v.size }}>
                  <div role="rowheader" className="gantt__label muted" style={{ width: LABEL_W }}>Loading…</div>
                  <div className="gantt__track" role="none">{lines}</div>
                </div>
              );
            }
            const isFocusRow = active?.row === v.index;
            const ghost = ghosts?.get(plan.workloadId);
            return (
              <div key={v.key} role="row" aria-rowindex={v.index + 1} className="gantt__row" style={{ top: v.start, height: v.size }}>
                <div role="rowheader" className="gantt__label" style={{ width: LABEL_W }}>
                  <Link href={`/workloads/${plan.workloadId}`} className="gantt__name" tabIndex={-1} title={plan.name}>{plan.name}</Link>
                  <StatusBadge status={plan.status} compact />
                </div>
                <div className="gantt__track" role="none">
                  {lines}
                  {ghost ? (
                    <span className="gantt__ghost" style={{ left: x(ghost.start), width: (toDayNumber(ghost.end) - toDayNumber(ghost.start) + 1) * pxPerDay }}
                      title={`Baseline: ${ghost.start} to ${ghost.end}`} aria-hidden="true" />
                  ) : null}
                  <span className="gantt__sunset" style={{ left: x(plan.sunset.date) + pxPerDay }} title={`Sunset ${plan.sunset.date}`} />
                  {plan.steps.map((s) => (
                    <StepBar
                      key={s.step}
                      step={s}
                      status={plan.status}
                      left={x(s.start)}
                      width={(toDayNumber(s.end) - toDayNumber(s.start) + 1) * pxPerDay - 1}
                      label={`${plan.name}, step ${s.step} ${STEP_NAMES[s.step]}: ${s.start} to ${s.end}, ${s.durationDays} working days. ${STATUS_META[plan.status].label}.`}
                      dataKey={`${v.index}-${s.step}`}
                      tabIndex={isFocusRow && active?.step === s.step ? 0 : -1}
                      onShow={(el) => showTip(v.index, s.step, el)}
                      onHide={() => setTip(null)}
                      onFocus={() => setFocus({ row: v.index, step: s.step })}
                      onOpen={() => onOpen(plan.workloadId)}
                    />
                  ))}
                </div>
              </div>
            );
          })}
        </div>

        {tip && tipItem && tipStep ? (
          <div className="gantt__tooltip" style={{ left: tip.left, top: tip.top, transform: tip.above ? 'translateY(-100%)' : undefined }} aria-hidden="true">
            <strong>{tipItem.name}</strong>
            <div>Step {tipStep.step}: {STEP_NAMES[tipStep.step]}</div>
            <div className="gantt__tooltip-dates">{tipStep.start} → {tipStep.end} · {tipStep.durationDays} working days{tipStep.durationDays !== tipStep.fullDays ? ` (cut from ${tipStep.fullDays})` : ''}</div>
            <ul>
              {tipStep.reasons.map((reason) => <li key={reason}>{reason}</li>)}
              {tipStep.capacityWaitDays > 0 ? <li>waited {tipStep.capacityWaitDays} working day(s) for a team slot</li> : null}
            </ul>
            <div className="gantt__tooltip-status">
              {STATUS_META[tipItem.status].label} · {slackText(tipItem.slackDays, tipItem.overrunDays)} · sunset {tipItem.sunset.date}
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function nextWorkloadFrom(rows: FlatRow[], from: number, dir: 1 | -1): number {
  for (let i = from + dir; i >= 0 && i < rows.length; i += dir) if (rows[i].kind === 'workload') return i;
  return from;
}

function StepBar({ step, status, left, width, label, dataKey, tabIndex, onShow, onHide, onFocus, onOpen }: {
  step: PlanRowStep; status: string; left: number; width: number; label: string; dataKey: string; tabIndex: number;
  onShow(el: HTMLElement): void; onHide(): void; onFocus(): void; onOpen(): void;
}) {
  return (
    <span
      role="gridcell"
      className={`gantt__bar gantt__bar--${status}${step.step === 4 ? ' gantt__bar--lane2' : ''}`}
      style={{ left, width: Math.max(3, width) }}
      aria-label={label}
      data-bar={dataKey}
      tabIndex={tabIndex}
      onMouseEnter={(e) => onShow(e.currentTarget)}
      onMouseLeave={onHide}
      onFocus={(e) => { onFocus(); onShow(e.currentTarget); }}
      onBlur={onHide}
      onDoubleClick={onOpen}
    >
      {width >= 14 ? <span className="gantt__bar-number">{step.step}</span> : null}
    </span>
  );
}

function monthStarts(lo: number, hi: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = lo; d <= hi; d++) {
    const iso = fromDayNumber(d);
    if (iso.endsWith('-01')) out.push(iso);
  }
  return out;
}

function weekStarts(lo: number, hi: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = lo; d <= hi; d++) {
    const iso = fromDayNumber(d);
    if (parseISO(iso).getDay() === 1) out.push(iso);
  }
  return out;
}
