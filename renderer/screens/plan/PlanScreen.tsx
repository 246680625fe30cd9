// The plan: roll-up per client on top, then the six steps of every workload as a timeline or a table, filtered by the header's client.
// It fetches what it shows: the overview, and the rows in view (the main process keeps the computed plan).
import { useCallback, useEffect, useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Timeline, type CommitmentMarker, type TimelineGroup } from '../../components/timeline/Timeline.tsx';
import { STATUS_META } from '../../components/timeline/status.tsx';
import { subscribePlanToInventory, usePlan, type PlanSort } from '../../stores/plan.ts';
import { useInventory } from '../../stores/inventory.ts';
import { commitmentKindLabel } from '../../labels.ts';
import { PLAN_STATUSES } from '../../../shared/domain/types.ts';
import { PlanTable } from './PlanTable.tsx';
import { PortfolioSummary, RollupTable } from './RollupCards.tsx';
import { BaselinePanel } from './BaselinePanel.tsx';
import { CostPanel } from './CostPanel.tsx';
import { useBaselineGhosts } from './baselineGhosts.ts';
import './plan.css';

/** The orders the main process sorts rows by (within each client). */
const SORTS: Record<PlanSort, { label: string }> = {
  slack: { label: 'Least slack first' },
  end: { label: 'Cut-over date' },
  name: { label: 'Name' },
};

export function PlanScreen() {
  const overview = usePlan((s) => s.overview);
  const planRows = usePlan((s) => s.rows);
  const view = usePlan((s) => s.view);
  const sort = usePlan((s) => s.sort);
  const setView = usePlan((s) => s.setView);
  const setSort = usePlan((s) => s.setSort);
  const clientFilter = useInventory((s) => s.clientFilter);
  const commitments = useInventory((s) => s.commitments);
  const clients = useInventory((s) => s.clients);
  const policy = useInventory((s) => s.policy);
  const [, navigate] = useLocation();
  const ghosts = useBaselineGhosts((s) => s.ghosts);

  // Settings, inventory edits, undo and redo can all replan: fetch now and after each of them.
  useEffect(() => {
    void usePlan.getState().load();
    return subscribePlanToInventory();
  }, []);

  // The overview is already scoped to the header's client; an answer for another scope is on its way out.
  const rollups = useMemo(() => overview?.rollups ?? [], [overview]);
  // Rows arrive grouped by client in roll-up order: each group is its slice of the (partly fetched) row list.
  const groups = useMemo<TimelineGroup[]>(() => {
    let offset = 0;
    return rollups.filter((r) => r.workloadCount > 0).map((r) => {
      const g = {
        clientId: r.clientId, clientName: r.clientName, sunset: r.sunset?.date ?? null, late: r.statusCounts.late,
        rows: planRows.slice(offset, offset + r.workloadCount),
      };
      offset += r.workloadCount;
      return g;
    });
  }, [rollups, planRows]);
  const showRows = useCallback((first: number, last: number) => usePlan.getState().showRows(first, last), []);
  const markers = useMemo<CommitmentMarker[]>(() => commitments
    .filter((c) => c.dueDate !== null && (clientFilter === null || c.clientId === clientFilter))
    .map((c) => ({
      date: c.dueDate!,
      clientId: c.clientId,
      label: `${c.customer}, ${commitmentKindLabel[c.kind].toLowerCase()}${c.threshold !== null ? ` ${c.threshold}` : ''}${c.noticeDays ? ` (notice ${c.noticeDays} days)` : ''}`,
    })), [commitments, clientFilter]);
  const events = useMemo(
    () => (policy?.events ?? []).filter((e) => !(e.kind === 'training_deadline' && e.date === overview?.trainingDeadline)).map((e) => ({ date: e.date, name: e.name })),
    [policy, overview],
  );
  const openWorkload = useCallback((id: number) => navigate(`/workloads/${id}`), [navigate]);
  // The timeline only changes with its data: a change of order (until its rows arrive), the loading flag or a panel's
  // update re-renders the screen, and re-rendering every row and bar of the timeline then was wasted work.
  const timeline = useMemo(() => (overview ? (
    <Timeline groups={groups} today={overview.today} trainingDeadline={overview.trainingDeadline} span={overview.span} onRowsShown={showRows}
      commitments={markers} closures={policy?.blackouts} events={events} ghosts={ghosts ?? undefined} onOpen={openWorkload} />
  ) : null), [groups, overview, showRows, markers, policy, events, ghosts, openWorkload]);
  const clientName = useMemo(() => {
    const names = new Map(clients.map((c) => [c.id, c.name]));
    return (id: number) => names.get(id) ?? '';
  }, [clients]);

  const header = <PageHeader title="Plan" />;
  if (!overview) {
    return <div className="page page--wide">{header}<p className="muted" role="status">Planning…</p></div>;
  }
  if (overview.total === 0) {
    return (
      <div className="page page--wide">
        {header}
        <EmptyState title={clientFilter === null ? 'No workloads to plan yet' : 'This client has no workloads yet'}>
          <p>Add workloads and Offramp schedules the six migration steps for each one, and shows whether it ends before its internal sunset date.</p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page page--wide plan">
      {/* The roadmap route previews the pages and exports them (PDF, CSV, .ics). */}
      <PageHeader title="Plan" actions={<Link href="/roadmap" className="button">Export roadmap…</Link>} />
      <PortfolioSummary overview={overview} />
      <section aria-labelledby="rollup-title" className="plan__section">
        <h2 id="rollup-title" className="visually-hidden">Roll-up per client</h2>
        <RollupTable rollups={rollups} names={overview.names} today={overview.today} />
      </section>
      <BaselinePanel clientId={clientFilter} today={overview.today} version={overview.version} />
      <CostPanel clientId={clientFilter} today={overview.today} version={overview.version} />

      <section aria-labelledby="schedule-title" className="plan__section">
        <div className="plan__toolbar">
          <h2 id="schedule-title" className="section-title plan__title">Schedule</h2>
          <div className="segmented" role="group" aria-label="View">
            <button type="button" className="segmented__button" aria-pressed={view === 'timeline'} onClick={() => setView('timeline')}>Timeline</button>
            <button type="button" className="segmented__button" aria-pressed={view === 'table'} onClick={() => setView('table')}>Table</button>
          </div>
          <label className="plan__sort">
            <span>Order</span>
            <select className="input select input--compact" value={sort} onChange={(e) => setSort(e.target.value as PlanSort)}>
              {(Object.keys(SORTS) as PlanSort[]).map((k) => <option key={k} value={k}>{SORTS[k].label}</option>)}
            </select>
          </label>
          <Legend />
        </div>
        {view === 'timeline' ? (
          <>
            {timeline}
            <p className="plan__hint">Six steps per workload (4, governance, runs beside 3, below it), scheduled to end before the workload's internal sunset date. Hover a bar, or Tab into the timeline and use the arrow keys, to read a step's dates and reasons; Enter opens the workload.</p>
          </>
        ) : (
          <PlanTable rows={planRows} onRowsShown={showRows} clientName={clientName} />
        )}
      </section>
    </div>
  );
}

function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      {PLAN_STATUSES.map((s) => (
        <span key={s} className="legend__item" title={STATUS_META[s].description}>
          <span className={`legend__swatch gantt__bar--${s}`} aria-hidden="true" />{STATUS_META[s].label}
        </span>
      ))}
      <span className="legend__item"><span className="legend__line legend__line--today" aria-hidden="true" />Today</span>
      <span className="legend__item"><span className="legend__line legend__line--sunset" aria-hidden="true" />Sunset</span>
      <span className="legend__item"><span className="legend__line legend__line--deadline" aria-hidden="true" />Training deadline</span>
      <span className="legend__item"><span className="legend__diamond" aria-hidden="true" />Commitment due</span>
      <span className="legend__item"><span className="legend__closure" aria-hidden="true" />Blackout</span>
    </div>
  );
}
