// What fills the stage for each kind of agenda item, in presenter mode and on the audience view (which shows no notes or controls).
import { useEffect, useMemo, useState } from 'react';
import type { Workload } from '../../../shared/domain/types.ts';
import type { Portfolio } from '../../../shared/portfolio.ts';
import type { EvaluationMatrix, GovernanceMap } from '../../../shared/ipc/evaluation.ts';
import type { AgendaItem, WorkshopDetail } from '../../../shared/workshop/types.ts';
import type { QuestionnaireAnswers } from '../../../shared/decision/questionnaire.ts';
import { invoke } from '../../ipc.ts';
import { useInventory } from '../../stores/inventory.ts';
import { Timeline, type TimelineGroup } from '../../components/timeline/Timeline.tsx';
import { approachLabel, approachShort, plural, signOffRoleLabel, signOffStatusLabel } from '../../labels.ts';
import { SIGN_OFF_ROLES } from '../../../shared/domain/types.ts';
import { ClassifyItem } from './ClassifyItem.tsx';
import { VoteItem } from './VoteItem.tsx';
import { daysUntil } from './clock.ts';
import { itemRemainingSeconds, plannedStartTimes } from '../../../shared/workshop/agenda.ts';

export interface ItemProps {
  detail: WorkshopDetail;
  item: AgendaItem;
  portfolio: Portfolio | null;
  workloads: Workload[];
  now: number;
  audience: boolean;
  /** Presenter: open the vote dialog. */
  onCast(): void;
  applied: string | null;
  onApplied(summary: string): void;
  draft?: { answers: QuestionnaireAnswers; focus: number } | null;
}

export function ItemView(props: ItemProps) {
  const { item, portfolio } = props;
  const row = useMemo(() => portfolio?.workloads.find((w) => w.workload.id === item.workloadId), [portfolio, item.workloadId]);
  switch (item.kind) {
    case 'intro': return <IntroItem {...props} />;
    case 'classify': return <ClassifyItem detail={props.detail} item={item} row={row} audience={props.audience} draft={props.draft} />;
    case 'evidence': return <EvidenceItem workloadId={item.workloadId} />;
    case 'vote': return <VoteItem detail={props.detail} item={item} workloads={props.workloads} audience={props.audience} onCast={props.onCast} applied={props.applied} onApplied={props.onApplied} />;
    case 'plan': return <PlanItem portfolio={portfolio} />;
    case 'decisions': return <DecisionsItem detail={props.detail} workloads={props.workloads} />;
    case 'break': return <BreakItem item={item} now={props.now} />;
    case 'free': return <FreeItem detail={props.detail} item={item} audience={props.audience} />;
  }
}

/** Days to the training deadline and to the client's internal sunset, as big numbers. */
export function deadlines(portfolio: Portfolio | null, clientId: number, now: number) {
  const rollup = portfolio?.rollups.find((r) => r.clientId === clientId) ?? null;
  const sunsetWorkload = rollup?.sunset ? portfolio?.workloads.find((w) => w.workload.id === rollup.sunset!.workloadId)?.workload.name ?? null : null;
  return {
    deadline: portfolio ? { date: portfolio.trainingDeadline, days: daysUntil(portfolio.trainingDeadline, now) } : null,
    sunset: rollup?.sunset ? { date: rollup.sunset.date, days: daysUntil(rollup.sunset.date, now), workload: sunsetWorkload } : null,
  };
}

const daysText = (days: number) => (days >= 0 ? plural(days, 'day') : `${plural(-days, 'day')} ago`);

function IntroItem({ detail, portfolio, now }: ItemProps) {
  const w = detail.workshop;
  const { deadline, sunset } = deadlines(portfolio, w.clientId, now);
  const starts = plannedStartTimes(w.startTime, detail.agenda);
  return (
    <div className="intro">
      <div className="intro__numbers">
        <div className="big-number">
          <span className="big-number__value">{deadline ? daysText(deadline.days) : '—'}</span>
          <span className="big-number__label">to the training deadline{deadline ? `, ${deadline.date}` : ''}</span>
        </div>
        <div className="big-number">
          <span className="big-number__value">{sunset ? daysText(sunset.days) : '—'}</span>
          <span className="big-number__label">to the internal sunset{sunset ? `, ${sunset.date}` : ''}{sunset?.workload ? ` (set by ${sunset.workload})` : ''}</span>
        </div>
      </div>
      <div className="intro__cols">
        <section>
          <h2 className="ws-subtitle">Agenda</h2>
          <ol className="intro__agenda">
            {detail.agenda.map((a, i) => <li key={a.id}><span className="intro__time">{starts[i]}</span> {a.title} <span className="muted">· {a.plannedMinutes} min</span></li>)}
          </ol>
        </section>
        <section>
          <h2 className="ws-subtitle">In the room</h2>
          {w.participants.length === 0 ? <p className="muted">No participants listed yet.</p> : null}
          <ul className="intro__people">
            {w.participants.map((p, i) => <li key={i}><strong>{p.name}</strong>{p.role ? `, ${p.role}` : ''}{p.organisation ? <span className="muted"> · {p.organisation}</span> : null}</li>)}
          </ul>
        </section>
      </div>
    </div>
  );
}

function EvidenceItem({ workloadId }: { workloadId: number | null }) {
  const [matrix, setMatrix] = useState<EvaluationMatrix | null>(null);
  const [governance, setGovernance] = useState<GovernanceMap | null>(null);
  useEffect(() => {
    if (workloadId === null) return undefined;
    let live = true;
    void Promise.all([invoke('evaluations.matrix', { workloadId }), invoke('governance.get', { workloadId })]).then(([m, g]) => {
      if (!live) return;
      if (m.ok) setMatrix(m.value);
      if (g.ok) setGovernance(g.value);
    });
    return () => { live = false; };
  }, [workloadId]);
  if (workloadId === null) return <p className="ws-lead">Choose a workload for this item in the agenda.</p>;
  if (!matrix) return <p className="ws-lead" role="status">Loading the evidence…</p>;
  if (matrix.evaluations.length === 0) return <p className="ws-lead">No candidates have been evaluated for this workload yet.</p>;
  const selected = matrix.recommendation.selectedCandidate;
  const unmet = matrix.evaluations.flatMap((e) => (matrix.checks[e.candidateId] ?? []).filter((c) => !c.check.met).map((c) => `${e.candidateName}: ${c.check.why}`));
  return (
    <div className="evidence">
    <table className="ws-table">
      <caption className="visually-hidden">Evaluated candidates</caption>
      <thead>
        <tr>
          <th scope="col">Candidate</th><th scope="col">Approach</th><th scope="col" className="num">Accuracy</th><th scope="col" className="num">p95</th>
          <th scope="col">Hard constraints</th>{SIGN_OFF_ROLES.map((r) => <th key={r} scope="col">{signOffRoleLabel[r]}</th>)}
        </tr>
      </thead>
      <tbody>
        {matrix.evaluations.map((e) => {
          const checks = matrix.checks[e.candidateId] ?? [];
          const met = checks.filter((c) => c.check.met).length;
          return (
            <tr key={e.candidateId} className={matrix.recommendation.selectedCandidate?.name === e.candidateName ? 'is-selected' : undefined}>
              <th scope="row">{e.candidateName}{matrix.recommendation.selectedCandidate?.name === e.candidateName ? <span className="ws-chip">Selected</span> : null}</th>
              <td title={approachLabel[e.approach]}>{approachShort[e.approach]}</td>
              <td className="num">{e.accuracy === null ? '—' : e.accuracy.toFixed(2)}</td>
              <td className="num">{e.p95LatencyMs === null ? '—' : `${e.p95LatencyMs} ms`}</td>
              <td>{checks.length === 0 ? 'None' : <><span aria-hidden="true">{met === checks.length ? '✓ ' : '✕ '}</span>{met} of {checks.length} met</>}</td>
              {SIGN_OFF_ROLES.map((role) => {
                const s = governance?.signOffs.find((x) => x.candidateId === e.candidateId && x.role === role);
                const status = s?.status ?? 'pending';
                return <td key={role} className={`signoff signoff--${status}`}><span aria-hidden="true">{status === 'approved' ? '✓ ' : status === 'rejected' ? '✕ ' : '… '}</span>{signOffStatusLabel[status]}</td>;
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
    {selected ? <p className="ws-callout">{selected.reason}</p> : null}
    {unmet.length > 0 ? (
      <ul className="ws-list evidence__unmet" aria-label="Unmet constraints">
        {unmet.map((u) => <li key={u}><span aria-hidden="true">✕ </span>{u}</li>)}
      </ul>
    ) : null}
    </div>
  );
}

function PlanItem({ portfolio }: { portfolio: Portfolio | null }) {
  const commitments = useInventory((s) => s.commitments);
  const groups = useMemo<TimelineGroup[]>(() => (portfolio?.rollups ?? []).map((r) => ({
    clientId: r.clientId, clientName: r.clientName, sunset: r.sunset?.date ?? null,
    rows: (portfolio?.workloads ?? []).filter((w) => w.workload.clientId === r.clientId),
  })).filter((g) => g.rows.length > 0), [portfolio]);
  if (!portfolio) return <p className="ws-lead" role="status">Planning…</p>;
  if (groups.length === 0) return <p className="ws-lead">This client has no workloads to plan.</p>;
  const ids = new Set(groups.map((g) => g.clientId));
  const markers = commitments.filter((c) => c.dueDate !== null && ids.has(c.clientId)).map((c) => ({ date: c.dueDate!, clientId: c.clientId, label: c.customer }));
  return (
    <div className="ws-plan">
      <Timeline groups={groups} today={portfolio.today} trainingDeadline={portfolio.trainingDeadline} commitments={markers} onOpen={() => {}} />
    </div>
  );
}

function DecisionsItem({ detail, workloads }: { detail: WorkshopDetail; workloads: Workload[] }) {
  const name = (id: number | null) => workloads.find((w) => w.id === id)?.name ?? null;
  return (
    <div className="ws-captured-big">
      <section>
        <h2 className="ws-subtitle">Decisions</h2>
        {detail.decisions.length === 0 ? <p className="muted">None yet.</p> : (
          <ol className="ws-list">
            {detail.decisions.map((d) => (
              <li key={d.id}>{d.text}{d.workloadId || d.approach ? <span className="muted"> — {[name(d.workloadId), d.approach ? approachLabel[d.approach] : null].filter(Boolean).join(', ')}</span> : null}</li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h2 className="ws-subtitle">Actions</h2>
        {detail.actions.length === 0 ? <p className="muted">None yet.</p> : (
          <ol className="ws-list">
            {detail.actions.map((a) => <li key={a.id}>{a.text} <span className="muted">— {a.owner}, due {a.dueDate}</span></li>)}
          </ol>
        )}
      </section>
    </div>
  );
}

function BreakItem({ item, now }: { item: AgendaItem; now: number }) {
  // What is left of the break from now: a paused or overrun break still says when the room starts again.
  const back = new Date(now + Math.max(0, itemRemainingSeconds(item, new Date(now).toISOString())) * 1000);
  return <p className="ws-break">Back at {String(back.getHours()).padStart(2, '0')}:{String(back.getMinutes()).padStart(2, '0')}</p>;
}

function FreeItem({ detail, item, audience }: { detail: WorkshopDetail; item: AgendaItem; audience: boolean }) {
  const notes = detail.notes.filter((n) => n.itemId === item.id);
  if (audience || notes.length === 0) return null;
  return <ul className="ws-list">{notes.map((n) => <li key={n.id}>{n.text}</li>)}</ul>;
}
