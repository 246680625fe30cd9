// The plan as a table: one row per workload with its approach (overrides marked), each step's dates, sunset, status, slack and bridge.
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { format, parseISO } from 'date-fns';
import type { PlanRow } from '../../../shared/planView.ts';
import { STEP_NAMES } from '../../../shared/plan/types.ts';
import { StatusBadge, slackText } from '../../components/timeline/status.tsx';
import { approachShort, dayOf, jobLabel } from '../../labels.ts';
import '../decision/decision.css';

/** "Mar 2" for a date: each distinct date is parsed and formatted once (a 250-row table shows 3,000 step dates, most repeated). */
const shortDates = new Map<string, string>();
function short(d: string): string {
  let text = shortDates.get(d);
  if (text === undefined) {
    text = format(parseISO(d), 'MMM d');
    if (shortDates.size > 5000) shortDates.clear();
    shortDates.set(d, text);
  }
  return text;
}
const sentence = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** Rows rendered at first; the rest on request, so a 5,000-workload portfolio stays responsive. */
const PAGE = 250;

/** `rows` may have holes (not fetched yet): `onRowsShown` asks for the ones the table renders. */
export function PlanTable({ rows: all, clientName, onRowsShown }: { rows: readonly (PlanRow | undefined)[]; clientName(id: number): string; onRowsShown?(first: number, last: number): void }) {
  const [limit, setLimit] = useState(PAGE);
  const shown = Math.min(all.length, limit);
  useEffect(() => { if (shown > 0) onRowsShown?.(0, shown - 1); }, [onRowsShown, shown]);
  const rows = Array.from({ length: shown }, (_, i) => all[i]);
  return (
    <>
      <div className="plan-table-wrap">
        <table className="data-table plan-table" aria-label="Plan table">
          <thead>
            <tr>
              <th scope="col" className="plan-table__sticky">Workload</th>
              <th scope="col">Status</th>
              <th scope="col" className="num" title="Working days between the cut-over and the sunset date; negative when late">Slack (days)</th>
              <th scope="col">Sunset</th>
              <th scope="col">Approach</th>
              {([1, 2, 3, 4, 5, 6] as const).map((n) => <th key={n} scope="col" title={STEP_NAMES[n]}>{n}. {STEP_NAMES[n].split(' ')[0]}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((plan, i) => {
              if (!plan) return <tr key={`loading-${i}`} aria-busy="true"><td colSpan={11} className="muted">Loading…</td></tr>;
              const overrides = plan.components.filter((c) => c.override);
              return [
                <tr key={plan.workloadId} className={plan.bridge ? 'plan-table__row--bridge' : undefined}>
                  <th scope="row" className="plan-table__sticky">
                    <Link href={`/workloads/${plan.workloadId}`} className="link plan-table__name">{plan.name}</Link>
                    <span className="plan-table__client">{clientName(plan.clientId)}</span>
                  </th>
                  <td><StatusBadge status={plan.status} compact /></td>
                  <td className="num">{plan.overrunDays > 0 ? `−${plan.overrunDays}` : `+${plan.slackDays}`}<span className="visually-hidden"> ({slackText(plan.slackDays, plan.overrunDays)})</span></td>
                  <td className="plan-table__dates" title={plan.sunset.reason}>{plan.sunset.date}</td>
                  <td className="plan-table__approach">
                    <span className="cell-strong">{approachShort[plan.approach]}</span>
                    {plan.components.length > 1 || overrides.length ? (
                      <span className="plan-table__components">
                        {plan.components.map((c) => `${jobLabel[c.job]} → ${approachShort[c.approach]}`).join(' · ')}
                      </span>
                    ) : null}
                    {overrides.map((c) => (
                      <span key={c.job} className="plan-table__override">
                        <span className="override-tag">Override</span> {jobLabel[c.job]} → {approachShort[c.approach]}: “{c.override!.reason}” — {c.override!.actor || 'someone'}, {dayOf(c.override!.at)}
                      </span>
                    ))}
                  </td>
                  {plan.steps.map((s) => (
                    <td key={s.step} data-step={s.step} className="plan-table__dates plan-table__step" title={`${STEP_NAMES[s.step]}: ${s.start} to ${s.end}, ${s.durationDays} working days (${s.reasons.join('; ')})`}>
                      {short(s.start)}–<wbr />{short(s.end)}
                      <span className="plan-table__days">{s.durationDays} d{s.durationDays < s.fullDays ? ` of ${s.fullDays}` : ''}</span>
                    </td>
                  ))}
                </tr>,
                plan.bridge ? (
                  <tr key={`${plan.workloadId}-bridge`} className="plan-table__bridge">
                    <td colSpan={11}>
                      <p className="plan-table__bridge-text">
                        <span className={`bridge-tag${plan.bridge.red ? ' bridge-tag--red' : ''}`}>{plan.bridge.level === 'required' ? '✕ Bridge required' : 'Bridge recommended'}</span>
                        {' '}{sentence(plan.bridge.text.replace(/^Bridge (recommended|required)(, | — )?/, ''))}
                      </p>
                    </td>
                  </tr>
                ) : null,
              ];
            })}
          </tbody>
        </table>
      </div>
      {all.length > rows.length ? (
        <div className="plan-table__more">
          <span className="muted">Showing {rows.length.toLocaleString('en-US')} of {all.length.toLocaleString('en-US')} workloads. Choose a client in the header to narrow the plan.</span>
          <button type="button" className="button button--small" onClick={() => setLimit((n) => n + PAGE * 4)}>Show more</button>
        </div>
      ) : null}
    </>
  );
}
