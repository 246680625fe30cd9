// The portfolio timeline: one row per workload with its six steps, fixed rows per page and the date axis on every page.
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import type { DateAxis } from './layout.ts';
import { TIMELINE, dateAxis } from './layout.ts';
import type { RoadmapModel } from './model.ts';
import { StatusMark } from './blocks.tsx';
import { longDate } from './words.ts';
import { planStatusLabel } from '../labels.ts';

const pctX = (f: number) => `${Math.max(0, Math.min(1, f)) * 100}%`;

/** One axis for every timeline page: from today (or the first start) to the last cut-over, sunset or the deadline. */
export function timelineAxis(m: RoadmapModel): DateAxis {
  const { portfolio } = m.data;
  const dates = [portfolio.today, portfolio.trainingDeadline];
  for (const w of m.workloads) dates.push(w.plan.start, w.plan.end, w.plan.sunset.date);
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
  return (
    <div className={`rm-tl-row rm-tl-row--${plan.status}`} style={{ height: TIMELINE.rowHeight }} data-row-index={index} data-page={page} data-workload-id={workload.id}>
      <div className="rm-tl-label">
        <div className="rm-tl-name">{workload.name}</div>
        <div className="rm-tl-sub">
          <StatusMark status={plan.status}>{plan.status === 'late' ? `Late +${plan.overrunDays} wd` : planStatusLabel[plan.status]}</StatusMark>
          <span className="rm-tl-client">{m.clientName.get(workload.clientId)}</span>
        </div>
      </div>
      <div className="rm-tl-chart">
        {plan.steps.map((s) => (
          <span key={s.step} className={`rm-tl-bar rm-tl-bar--s${s.step}`} style={span(s.start, s.end)} title={`${s.name}: ${s.start} – ${s.end}`}>
            <span className="rm-tl-bar__n">{s.step}</span>
          </span>
        ))}
        {lateStart ? <span className="rm-tl-overrun" style={span(lateStart, plan.end)} /> : null}
        {m.commitmentsOf(w).filter((c) => c.dueDate && c.dueDate >= axis.start && c.dueDate <= axis.end).map((c) => (
          <span key={c.id} className="rm-tl-commitment" style={{ left: pctX(x(c.dueDate as string)) }} title={`${c.customer}: due ${c.dueDate}`} />
        ))}
        <span className="rm-tl-sunset" style={{ left: pctX(x(plan.sunset.date)) }} title={`Sunset ${plan.sunset.date}`} />
      </div>
    </div>
  );
}

export function TimelinePage({ m, axis, rows, firstIndex, pageIndex, pageCount, pageNumber, rowsPerPage }: {
  m: RoadmapModel; axis: DateAxis; rows: PortfolioWorkload[]; firstIndex: number; pageIndex: number; pageCount: number; pageNumber: number; rowsPerPage: number;
}) {
  const { portfolio } = m.data;
  return (
    <div className="rm-timeline" data-timeline-page={pageIndex} data-rows-per-page={rowsPerPage} data-rows={rows.length}>
      <div className="rm-section-title rm-section-title--compact" style={{ height: TIMELINE.titleHeight }}>
        <h2><span className="rm-section-title__n">2</span>Portfolio timeline{pageCount > 1 ? <span className="rm-muted"> — {pageIndex + 1} of {pageCount}</span> : null}</h2>
      </div>
      <Axis axis={axis} />
      <div className="rm-tl-rows">
        <div className="rm-tl-grid">
          <div className="rm-tl-label" />
          <div className="rm-tl-chart">
            {axis.ticks.map((t) => <span key={t.date} className="rm-tl-gridline" style={{ left: pctX(t.x) }} />)}
            <span className="rm-tl-today" style={{ left: pctX(axis.x(portfolio.today)) }}><span>Today {portfolio.today}</span></span>
            <span className="rm-tl-deadline" style={{ left: pctX(axis.x(portfolio.trainingDeadline)) }}><span>Training deadline {portfolio.trainingDeadline}</span></span>
          </div>
        </div>
        {rows.map((w, i) => <Row key={w.workload.id} w={w} m={m} axis={axis} index={firstIndex + i} page={pageNumber} />)}
      </div>
      <div className="rm-tl-legend" style={{ height: TIMELINE.legendHeight }}>
        {[1, 2, 3, 4, 5, 6].map((n) => <span key={n} className="rm-legend-item"><span className={`rm-tl-bar rm-tl-bar--s${n} rm-legend-bar`}><span className="rm-tl-bar__n">{n}</span></span>{['Audit', 'Classify', 'Benchmark', 'Governance', 'Pilot', 'Cut over'][n - 1]}</span>)}
        <span className="rm-legend-item"><span className="rm-tl-sunset rm-legend-mark" />Sunset date</span>
        <span className="rm-legend-item"><span className="rm-tl-commitment rm-legend-mark" />Commitment due</span>
        <span className="rm-legend-item"><span className="rm-legend-line rm-legend-line--today" />Today</span>
        <span className="rm-legend-item"><span className="rm-legend-line rm-legend-line--deadline" />Training deadline {longDate(portfolio.trainingDeadline)}</span>
        <span className="rm-legend-item"><span className="rm-tl-overrun rm-legend-overrun" />Past the sunset date</span>
      </div>
    </div>
  );
}
