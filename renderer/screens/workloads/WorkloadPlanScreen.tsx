// A workload's Plan tab: its status, the sunset date and what set it, and the six dated steps with why each lasts as long as it does.
import { Link } from 'wouter';
import { usePlanWorkload } from '../../stores/plan.ts';
import { StatusBadge, slackText } from '../../components/timeline/status.tsx';
import { approachLabel } from '../../labels.ts';
import { WorkloadPageHead, WorkloadRoute } from '../evaluation/WorkloadTabs.tsx';

export function WorkloadPlanScreen({ params }: { params: { id: string } }) {
  return <WorkloadRoute id={params.id} view={PlanPage} />;
}

function PlanPage({ workloadId, name }: { workloadId: number; name: string }) {
  const row = usePlanWorkload(workloadId);
  return (
    <div className="page page--narrow">
      <WorkloadPageHead
        workloadId={workloadId} name={name} tab="plan" page="Plan"
        description="The six-step migration of this workload, scheduled forward from today, against its internal sunset date."
        actions={<Link href="/plan" className="button">Whole plan</Link>}
      />
      {!row ? <p className="muted" role="status">Scheduling…</p> : (
        <>
          <section className="form-section" aria-labelledby="plan-summary-title">
            <h2 id="plan-summary-title" className="form-section__title">Status</h2>
            <div className="workload-plan__summary">
              <StatusBadge status={row.plan.status} />
              <span>{slackText(row.plan.slackDays, row.plan.overrunDays)}</span>
              <span>Approach: <strong>{approachLabel[row.recommendation.architecture]}</strong></span>
            </div>
            <p><strong>Sunset date {row.plan.sunset.date}</strong> — {row.plan.sunset.reason}</p>
            {row.plan.explanation.length ? <ul className="bullet-list">{row.plan.explanation.map((e) => <li key={e}>{e}</li>)}</ul> : null}
            {row.plan.bridge ? <p><strong>{row.plan.bridge.text}</strong></p> : null}
          </section>
          <section className="form-section" aria-labelledby="plan-steps-title">
            <h2 id="plan-steps-title" className="form-section__title">Steps</h2>
            <div className="table-card">
              <table className="data-table">
                <caption className="visually-hidden">Steps of {name}</caption>
                <thead>
                  <tr><th scope="col">Step</th><th scope="col">Start</th><th scope="col">End</th><th scope="col" className="num">Working days</th><th scope="col">Why this long</th></tr>
                </thead>
                <tbody>
                  {row.plan.steps.map((s) => (
                    <tr key={s.step}>
                      <th scope="row">{s.step}. {s.name}</th>
                      <td className="nowrap">{s.start}</td>
                      <td className="nowrap">{s.end}</td>
                      <td className="num">{s.durationDays}{s.durationDays !== s.fullDays ? <span className="cell-muted"> of {s.fullDays}</span> : null}</td>
                      <td className="cell-muted">{s.reasons.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
