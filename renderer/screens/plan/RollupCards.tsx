// The roll-up on top of the plan: per client, the internal sunset date and why, days left, counts by status and approach, the critical path.
import { Fragment } from 'react';
import { Link } from 'wouter';
import { APPROACHES, PLAN_STATUSES } from '../../../shared/domain/types.ts';
import type { ClientRollup } from '../../../shared/plan/types.ts';
import type { PlanOverview } from '../../../shared/planView.ts';
import { daysUntil } from '../../../shared/plan/sunset.ts';
import { StatusBadge, StatusCount } from '../../components/timeline/status.tsx';
import { approachShort } from '../../labels.ts';

export function PortfolioSummary({ overview }: { overview: PlanOverview }) {
  const counts = overview.statusCounts;
  const sunset = overview.sunset;
  return (
    <dl className="plan-summary" aria-label="Portfolio summary">
      <div className="plan-summary__item plan-summary__item--deadline">
        <dt>Training deadline</dt>
        <dd><span className="plan-summary__big">{overview.daysToDeadline >= 0 ? `${overview.daysToDeadline} days` : 'Passed'}</span> <span className="plan-summary__sub">to {overview.trainingDeadline}</span></dd>
      </div>
      <div className="plan-summary__item">
        <dt>Earliest internal sunset</dt>
        <dd>
          <span className="plan-summary__big">{sunset ? sunset.date : '—'}</span>
          {sunset ? <span className="plan-summary__sub"> in {daysUntil(overview.today, sunset.date)} days · {sunset.workloadName}</span> : null}
        </dd>
      </div>
      <div className="plan-summary__item">
        <dt>Workloads</dt>
        <dd><span className="plan-summary__big">{overview.total}</span></dd>
      </div>
      <div className="plan-summary__item plan-summary__item--statuses">
        <dt>By status</dt>
        <dd className="status-counts">
          {PLAN_STATUSES.map((s) => (
            <span key={s} className="status-count"><StatusBadge status={s} compact /> <strong>{counts[s]}</strong></span>
          ))}
        </dd>
      </div>
    </dl>
  );
}

export function RollupTable({ rollups, names, today }: { rollups: ClientRollup[]; names: Record<number, string>; today: string }) {
  return (
    <div className="table-card">
      <table className="data-table rollup-table" aria-label="Roll-up per client">
        <colgroup>
          <col className="c-client" /><col className="c-sunset" /><col className="c-status" /><col className="c-approach" /><col className="c-critical" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Internal sunset</th>
            <th scope="col">By status</th>
            <th scope="col">By approach</th>
            <th scope="col">Critical path</th>
          </tr>
        </thead>
        <tbody>
          {rollups.map((r) => {
            const approaches = APPROACHES.filter((a) => r.approachCounts[a] > 0);
            return (
              <tr key={r.clientId}>
                <th scope="row">
                  <span className="rollup__name">{r.clientName}</span>
                  <span className="rollup__count">{r.workloadCount} workload{r.workloadCount === 1 ? '' : 's'}</span>
                </th>
                <td className="rollup__sunset-cell">
                  {r.sunset ? (
                    <>
                      <span className="rollup__date">{r.sunset.date}</span> <span className="rollup__days">in {daysUntil(today, r.sunset.date)} days</span>
                      <span className="rollup__reason" title={r.sunset.reason}>{r.sunset.reason}</span>
                    </>
                  ) : <span className="muted">No workloads yet</span>}
                </td>
                <td>
                  <span className="status-counts">
                    {PLAN_STATUSES.filter((s) => r.statusCounts[s] > 0).map((s) => <StatusCount key={s} status={s} count={r.statusCounts[s]} />)}
                  </span>
                </td>
                <td className="rollup__approaches">
                  {approaches.map((a, i) => <Fragment key={a}>{i > 0 ? ' · ' : ''}<span>{approachShort[a]} <strong>{r.approachCounts[a]}</strong></span></Fragment>)}
                </td>
                <td className="rollup__critical">
                  <span className="rollup__critical-names" title={r.criticalPath.map((id) => names[id] ?? '').join(', ')}>
                    {r.criticalPath.slice(0, 2).map((id, i) => {
                      const name = names[id];
                      return name !== undefined ? <span key={id}>{i > 0 ? ', ' : ''}<Link href={`/workloads/${id}`} className="link">{name}</Link></span> : null;
                    })}
                  </span>
                  {r.criticalPath.length > 2 ? <span className="rollup__slack">+{r.criticalPath.length - 2} more</span> : null}
                  {r.minSlackDays !== null ? (
                    <span className="rollup__slack">{r.minSlackDays < 0 ? `${-r.minSlackDays} working days over` : `${r.minSlackDays} working days slack`}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
