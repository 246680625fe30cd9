// The portfolio timeline: one row per workload with its six steps, fixed rows per page and the date axis on every page.
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import type { RoadmapLine } from '../../shared/ipc/exports.ts';
import type { DateAxis } from './layout.ts';
import { TIMELINE, dateAxis } from './layout.ts';
import type { RoadmapModel } from './model.ts';
import { StatusMark } from './blocks.tsx';
import { longDate } from './words.ts';
import { noticeBy } from './model.ts';
import { planStatusLabel } from '../labels.ts';

const pctX = (f: number) => `${Math.max(0, Math.min(1, f)) * 100}%`;
/** The width of one day on the axis (a step's last day is inclusive). */
const dayWidth = (axis: DateAxis) => axis.x('2000-01-02') - axis.x('2000-01-01');

/** Dates a commitment puts on the timeline: its due date and its notice-by date (due date minus the notice period). */
function commitmentDates(m: RoadmapModel, w: RoadmapLine): { date: string; kind: 'due' | 'notice'; label: string }[] {
  return m.commitmentsOf(w).flatMap((c) => {
    if (!c.dueDate) return [];
    const by = noticeBy(c);
    return [
      { date: c.dueDate, kind: 'due' as const, label: `${c.customer}: due ${longDate(c.dueDate)}` },
      ...(by && c.noticeDays > 0 ? [{ date: by, kind: 'notice' as const, label: `${c.customer}: notice by ${longDate(by)}` }] : []),
    ];
  });
}

/** The latest date the axis stretches to for a commitment: far-off ones are marked at the edge with their date instead. */
const REACH_DAYS = 400;

/**
 * One axis for every timeline page: from today (or the first start) to the last cut-over, full-length end, sunset,
 * the training deadline, a known inference retirement, and every commitment due and notice-by date of the workloads
 * shown — unless a commitment lies more than ~13 months past everything else (it is then marked at the edge).
 */
export function timelineAxis(m: RoadmapModel): DateAxis {
  const { portfolio } = m.data;
  const dates = [portfolio.today, portfolio.trainingDeadline];
  for (const e of m.data.events) if (e.kind === 'inference_retirement') dates.push(e.date);
  for (const w of m.lines) dates.push(w.plan.start, w.plan.end, w.plan.fullEnd ?? w.plan.end, w.plan.sunset.date);
  const core = [...dates].sort();
  const limit = new Date(`${core[core.length - 1]}T00:00:00Z`);
  limit.setUTCDate(limit.getUTCDate() + REACH_DAYS);
  const reach = limit.toISOString().slice(0, 10);
  for (const w of m.lines) for (const d of commitmentDates(m, w)) if (d.date <= reach && d.date >= core[0]) dates.push(d.date);
  return dateAxis(dates);
}

function Axis({ axis }: { axis: DateAxis }) {
  const every = axis.ticks.length > 16 ? 2 : 1;
  return (
    <div className="rm-tl-axis" style={{ height: TIMELINE.axisHeight }}>
      <div className="rm-tl-label rm-tl-axis__label">Workload · status</div>
      <div className="rm-tl-chart">
        {axis.ticks.map((t, i) => (
          <span key={t.date} className="rm-tl-tick" style={{ left: pctX(t.x) }}>{i % every === 0 && i < axis.ticks.length - 1 ? t.label : ''}</span>
        ))}
      </div>
    </div>
  );
}

function Row({ w, m, axis, index, page }: { w: PortfolioWorkload; m: RoadmapModel; axis: DateAxis; index: number; page: number }) {
  const { plan, workload } = w;
  const x = axis.x;
  const span = (start: string, end: string) => {
    const left = x(start);
    // A step's last day is inclusive: the bar runs to the end of it.
    const right = x(end) + (x('2000-01-02') - x('2000-01-01'));
    return { left: pctX(left), width: pctX(right - left) };
  };
  const lateStart = plan.status === 'late' ? plan.sunset.date : null;
  const marks = commitmentDates(m, w);
  // The baseline's bar, drawn only where the plan moved since it (changes since the newest baseline).
  const was = m.data.changes?.ghosts?.[workload.id];
  const ghost = was && (was.start !== plan.start || was.end !== plan.end) ? was : null;
  const offRange = marks.filter((d) => d.date > axis.end || d.date < axis.start);
  return (
    <div className={`rm-tl-row rm-tl-row--${plan.status}`} style={{ height: TIMELINE.rowHeight }} data-row-index={index} data-page={page} data-workload-id={workload.id}>
      <div className="rm-tl-label">
        <div className="rm-tl-name">{workload.name}</div>
        <div className="rm-tl-sub">
          <StatusMark status={plan.status}>{plan.status === 'late' ? `Late by ${plan.overrunDays} wd` : planStatusLabel[plan.status]}</StatusMark>
          <span className="rm-tl-client">{m.clientName.get(workload.clientId)}</span>
        </div>
      </div>
      <div className="rm-tl-chart">
        {ghost ? <span className="rm-tl-ghost" style={span(ghost.start, ghost.end)} title={`Baseline: ${longDate(ghost.start)} – ${longDate(ghost.end)}`} /> : null}
        {plan.compressed && plan.fullEnd && plan.fullEnd !== plan.end ? (
          <span className="rm-tl-full" style={span(plan.start, plan.fullEnd)} title={`At full durations it would cut over ${longDate(plan.fullEnd)}`} />
        ) : null}
        {plan.steps.map((s) => (
          <span key={s.step} className={`rm-tl-bar rm-tl-bar--s${s.step}`} style={span(s.start, s.end)} title={`${s.name}: ${longDate(s.start)} – ${longDate(s.end)}`}>
            <span className="rm-tl-bar__n">{s.step}</span>
          </span>
        ))}
        {lateStart ? <span className="rm-tl-overrun" style={span(lateStart, plan.end)} /> : null}
        {marks.filter((d) => d.date >= axis.start && d.date <= axis.end).map((d, i) => (
          <span key={`${d.kind}-${i}`} className={d.kind === 'due' ? 'rm-tl-commitment' : 'rm-tl-notice'} style={{ left: pctX(x(d.date)) }} title={d.label} />
        ))}
        {offRange.length > 0 ? (
          <span className="rm-tl-offrange">{offRange.map((d) => `${d.kind === 'due' ? 'due' : 'notice by'} ${longDate(d.date)}`).join(', ')} →</span>
        ) : null}
        <span className="rm-tl-sunset" style={{ left: pctX(x(plan.sunset.date)) }} title={`Sunset ${longDate(plan.sunset.date)}`} />
      </div>
    </div>
  );
}

export function TimelinePage({ m, axis, rows, firstIndex, pageIndex, pageCount, pageNumber, rowsPerPage, number = '2', title = 'Portfolio timeline' }: {
  m: RoadmapModel; axis: DateAxis; rows: PortfolioWorkload[]; firstIndex: number; pageIndex: number; pageCount: number; pageNumber: number; rowsPerPage: number;
  /** The section's number and title (the workshop minutes print the client's plan under their own). */
  number?: string; title?: string;
}) {
  const { portfolio } = m.data;
  return (
    <div className="rm-timeline" data-timeline-page={pageIndex} data-rows-per-page={rowsPerPage} data-rows={rows.length}>
      <div className="rm-section-title rm-section-title--compact" style={{ height: TIMELINE.titleHeight }}>
        <h2><span className="rm-section-title__n">{number}</span>{title}{pageCount > 1 ? <span className="rm-muted"> — {pageIndex + 1} of {pageCount}</span> : null}</h2>
      </div>
      <Axis axis={axis} />
      <div className="rm-tl-rows">
        <div className="rm-tl-grid">
          <div className="rm-tl-label" />
          <div className="rm-tl-chart">
            {axis.ticks.map((t) => <span key={t.date} className="rm-tl-gridline" style={{ left: pctX(t.x) }} />)}
            {(m.data.blackouts ?? []).filter((b) => b.end >= axis.start && b.start <= axis.end).map((b) => (
              <span key={`${b.name}-${b.start}`} className="rm-tl-blackout" style={{ left: pctX(axis.x(b.start)), width: pctX(axis.x(b.end) - axis.x(b.start) + dayWidth(axis)) }} title={`${b.name}: ${longDate(b.start)} – ${longDate(b.end)}`}>
                <span>{b.name}</span>
              </span>
            ))}
            <span className="rm-tl-today" style={{ left: pctX(axis.x(portfolio.today)) }}><span>Today {longDate(portfolio.today)}</span></span>
            <span className={`rm-tl-deadline${axis.x(portfolio.trainingDeadline) > 0.8 ? ' rm-tl-line--right' : ''}`} style={{ left: pctX(axis.x(portfolio.trainingDeadline)) }}><span>Training deadline {longDate(portfolio.trainingDeadline)}</span></span>
            {m.data.events.filter((e) => e.kind === 'inference_retirement').map((e) => (
              <span key={e.id} className={`rm-tl-retirement${axis.x(e.date) > 0.8 ? ' rm-tl-line--right' : ''}`} style={{ left: pctX(axis.x(e.date)) }}><span>Inference retirement {longDate(e.date)}</span></span>
            ))}
          </div>
        </div>
        {rows.map((w, i) => <Row key={w.workload.id} w={w} m={m} axis={axis} index={firstIndex + i} page={pageNumber} />)}
      </div>
      <div className="rm-tl-legend" style={{ height: TIMELINE.legendHeight }}>
        {[1, 2, 3, 4, 5, 6].map((n) => <span key={n} className="rm-legend-item"><span className={`rm-tl-bar rm-tl-bar--s${n} rm-legend-bar`}><span className="rm-tl-bar__n">{n}</span></span>{['Audit', 'Classify', 'Benchmark', 'Governance', 'Pilot', 'Cut over'][n - 1]}</span>)}
        <span className="rm-legend-item"><span className="rm-tl-sunset rm-legend-mark" />Sunset date</span>
        <span className="rm-legend-item"><span className="rm-tl-commitment rm-legend-mark" />Commitment due</span>
        <span className="rm-legend-item"><span className="rm-tl-notice rm-legend-mark" />Notice by</span>
        <span className="rm-legend-item"><span className="rm-tl-full rm-legend-full" />Compressed: where full durations would end</span>
        {(m.data.blackouts ?? []).length > 0 ? <span className="rm-legend-item"><span className="rm-tl-blackout rm-legend-blackout" />Blackout (no work)</span> : null}
        {m.data.changes ? <span className="rm-legend-item"><span className="rm-tl-ghost rm-legend-ghost" />Where it stood in {m.data.changes.baseline.name}</span> : null}
        <span className="rm-legend-item">wd = working days</span>
        <span className="rm-legend-item"><span className="rm-legend-line rm-legend-line--today" />Today</span>
        <span className="rm-legend-item"><span className="rm-legend-line rm-legend-line--deadline" />Training deadline {longDate(portfolio.trainingDeadline)}</span>
        <span className="rm-legend-item"><span className="rm-tl-overrun rm-legend-overrun" />Past the sunset date</span>
      </div>
    </div>
  );
}
