// The Decision panel of a workload: questionnaire, the job profile it yields, the recommendation and its effect on the plan, live as answers change.
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { usePlan, usePlanWorkload } from '../../stores/plan.ts';
import { useInventory } from '../../stores/inventory.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { answersFromWorkload, profileFromAnswers, QUESTIONS, type QuestionId, type QuestionnaireAnswers } from '../../../shared/decision/questionnaire.ts';
import { recommend } from '../../../shared/decision/recommend.ts';
import { scheduleWorkload } from '../../../shared/plan/schedule.ts';
import type { Recommendation } from '../../../shared/decision/types.ts';
import type { Evaluation, Job, JobProfile, RecommendationOverride, Workload } from '../../../shared/domain/types.ts';
import type { WorkloadPlan } from '../../../shared/plan/types.ts';
import type { PortfolioWorkload } from '../../../shared/portfolio.ts';
import { StatusBadge, slackText } from '../../components/timeline/status.tsx';
import { Questionnaire } from './Questionnaire.tsx';
import { JobProfileView } from './JobProfileView.tsx';
import { ComponentList, ConfidenceBadge, NotesList, TraceList } from './RecommendationView.tsx';
import { OverrideDialog } from './OverrideDialog.tsx';
import { useUnsavedGuard } from '../../components/UnsavedChangesGuard.tsx';
import { approachLabel } from '../../labels.ts';
import { useEvaluations } from './useEvaluations.ts';
import './decision.css';


const same = (a: QuestionnaireAnswers, b: QuestionnaireAnswers) =>
  QUESTIONS.every((q) => (a[q.id] ?? null) === (b[q.id] ?? null));

function overridesOf(rec: Recommendation | undefined, workloadId: number): RecommendationOverride[] {
  return (rec?.components ?? []).flatMap((c) => (c.override ? [{ workloadId, job: c.job, ...c.override }] : []));
}

export function DecisionPanel({ workload }: { workload: Workload }) {
  // One workload's recommendation and plan (plan.workload), refetched after every change that can replan it.
  const row = usePlanWorkload(workload.id);
  const today = row?.today ?? null;
  const policy = useInventory((s) => s.policy);
  const commitments = useInventory((s) => s.commitments);
  const contracts = useInventory((s) => s.contracts);
  const evaluations = useEvaluations(workload.id, row);

  if (!row) return <section className="decision" aria-label="Decision"><p className="muted" role="status">Computing the recommendation…</p></section>;
  // key: saved answers start a fresh draft (after Save, undo or another window's change).
  return (
    <DecisionBody
      key={JSON.stringify(row.profile?.answers ?? null) + workload.updatedAt}
      workload={workload} row={row} today={today} policy={policy} commitments={commitments} contracts={contracts} evaluations={evaluations}
    />
  );
}

interface BodyProps {
  workload: Workload;
  row: PortfolioWorkload;
  today: string | null;
  policy: ReturnType<typeof useInventory.getState>['policy'];
  commitments: ReturnType<typeof useInventory.getState>['commitments'];
  contracts: ReturnType<typeof useInventory.getState>['contracts'];
  evaluations: Evaluation[];
}

function DecisionBody({ workload, row, today, policy, commitments, contracts, evaluations }: BodyProps) {
  const saved = useMemo(() => answersFromWorkload(workload, row.profile), [workload, row.profile]);
  const [answers, setAnswers] = useState<QuestionnaireAnswers>(saved);
  const [overriding, setOverriding] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = !same(answers, saved);
  // A guessed profile (e.g. from training-data analysis) is confirmed by saving the answers as they stand.
  const canConfirm = !dirty && row.profile !== null && !row.profile.confirmed;
  useUnsavedGuard(dirty, `your questionnaire answers for ${workload.name}`);
  const applyQuestionnaire = usePlan((s) => s.applyQuestionnaire);
  const setOverride = usePlan((s) => s.setOverride);
  const clearOverride = usePlan((s) => s.clearOverride);

  // Live preview: the same pure functions the main process runs, on the draft answers.
  const preview = useMemo(() => {
    if (!dirty) return null;
    const result = profileFromAnswers(answers);
    const w: Workload = { ...workload, ...result.workloadPatch };
    const profile: JobProfile = { workloadId: workload.id, weights: result.weights, sources: result.sources, confirmed: true, evidence: result.evidence.map((e) => `Questionnaire: ${e}`), answers };
    const recommendation = recommend({ workload: w, profile, commitments, evaluations, overrides: overridesOf(row.recommendation, workload.id) });
    const plan = policy && today ? scheduleWorkload({ workload: w, recommendation, commitments, contracts }, { today, policy }) : null;
    return { profile, recommendation, plan };
  }, [dirty, answers, workload, commitments, evaluations, row.recommendation, policy, today, contracts]);

  const recommendation = preview?.recommendation ?? row.recommendation;
  const profile = preview?.profile ?? row.profile;
  const component = overriding ? row.recommendation.components.find((c) => c.job === overriding) ?? null : null;

  async function save() {
    setBusy(true);
    const r = await applyQuestionnaire(workload.id, answers, true);
    setBusy(false);
    if (r.ok) notifyInfo(`Saved the answers for ${workload.name}: the recommendation and the plan are updated.`);
  }

  return (
    <section className="decision" aria-labelledby="decision-title">
      <header className="decision__header">
        <div>
          <h2 id="decision-title" className="decision__title">Decision</h2>
          <p className="decision__lead">What replaces the fine-tuned model, and why. Answer in plain words; the recommendation updates as you go.</p>
        </div>
        <div className="decision__actions">
          {dirty ? <span className="unsaved" role="status">Unsaved answers</span> : null}
          <button type="button" className="button" disabled={!dirty || busy} onClick={() => setAnswers(saved)}>Discard</button>
          <button type="button" className="button button--primary" disabled={!(dirty || canConfirm) || busy} onClick={() => void save()}
            title={canConfirm ? 'The job profile is a guess: saving these answers confirms it' : undefined}>
            {canConfirm ? 'Confirm answers' : 'Save answers'}
          </button>
        </div>
      </header>

      <div className="decision__grid">
        <div className="decision__questions">
          <h3 className="decision__subtitle">Questionnaire</h3>
          <Questionnaire answers={answers} onChange={(id: QuestionId, v) => setAnswers((a) => ({ ...a, [id]: v }))} />
        </div>

        <div className="decision__result">
          <p className="visually-hidden" role="status">
            {`Recommendation: ${approachLabel[recommendation.architecture]}; ${recommendation.components.map((c) => `${c.job} ${approachLabel[c.approach]}`).join(', ')}. Plan ${(preview?.plan ?? row.plan).status.replace('_', ' ')}, cut over by ${(preview?.plan ?? row.plan).end}.`}
          </p>
          <ResultCard title="Recommendation" preview={dirty} badge={<ConfidenceBadge confidence={recommendation.confidence} />}>
            <p className="architecture">
              <span className="architecture__label">Architecture</span>
              <span className="architecture__value">{approachLabel[recommendation.architecture]}</span>
            </p>
            <ComponentList
              recommendation={recommendation}
              onOverride={setOverriding}
              onClear={(job) => void clearOverride(workload.id, job)}
              disabledReason={dirty ? 'Save or discard the answers first' : undefined}
            />
            {recommendation.architectureParts.length > 0 ? (
              <div className="parts">
                <h4 className="decision__label">Parts</h4>
                <ul>{recommendation.architectureParts.map((p) => <li key={p}>{p}</li>)}</ul>
              </div>
            ) : null}
            {recommendation.selectedCandidate ? (
              <p className="candidate"><span className="decision__label">Candidate</span> {recommendation.selectedCandidate.name}: {recommendation.selectedCandidate.reason}</p>
            ) : null}
            {recommendation.confidence.missing.length > 0 ? (
              <p className="missing"><span className="decision__label">Missing inputs</span> {recommendation.confidence.missing.join('; ')}</p>
            ) : null}
          </ResultCard>

          <PlanEffect current={row.plan} next={preview?.plan ?? null} capacity={policy?.capacity ?? null} />

          <ResultCard title="Job profile" preview={dirty}>
            <JobProfileView profile={profile} preview={dirty} />
          </ResultCard>
        </div>
      </div>

      <div className="decision__why">
        <ResultCard title="Rules that fired">
          <TraceList recommendation={recommendation} />
        </ResultCard>
        <ResultCard title="Warnings and notes">
          <NotesList recommendation={recommendation} />
        </ResultCard>
      </div>

      {component ? (
        <OverrideDialog
          component={component}
          onCancel={() => setOverriding(null)}
          onSubmit={async (job, approach, reason) => {
            const r = await setOverride(workload.id, job, approach, reason);
            if (r.ok) {
              setOverriding(null);
              notifyInfo(`Overrode ${job}: ${approachLabel[approach]}.`);
              return null;
            }
            return r.error.message;
          }}
        />
      ) : null}
    </section>
  );
}


/** The plan now, and with the draft answers: end date, status and the steps whose duration changes. */
function PlanEffect({ current, next, capacity }: { current: WorkloadPlan; next: WorkloadPlan | null; capacity: number | null }) {
  const changed = next ? next.steps.filter((s, i) => s.durationDays !== current.steps[i].durationDays) : [];
  const shown = next ?? current;
  return (
    <ResultCard title="Plan" preview={next !== null} badge={<StatusBadge status={shown.status} />} className="plan-effect">
      <dl className="plan-effect__facts">
        <div><dt>Cut over by</dt><dd>{next && next.end !== current.end ? <><s>{current.end}</s> → <strong>{next.end}</strong></> : shown.end}</dd></div>
        <div><dt>Sunset date</dt><dd>{shown.sunset.date}</dd></div>
        <div><dt>Margin</dt><dd>{slackText(shown.slackDays, shown.overrunDays)}</dd></div>
      </dl>
      {next ? (
        changed.length > 0 ? (
          <ul className="plan-effect__changes" aria-label="Step changes">
            {changed.map((s) => {
              const before = current.steps[s.step - 1].durationDays;
              return (
                <li key={s.step}>
                  Step {s.step}, {s.name}: {before} → <strong>{s.durationDays}</strong> working days
                  <span className="muted"> ({s.durationDays > before ? '+' : ''}{s.durationDays - before})</span>
                </li>
              );
            })}
          </ul>
        ) : <p className="muted">No step changes length with these answers.</p>
      ) : (
        <p className="muted plan-effect__sunset">{shown.sunset.reason}</p>
      )}
      {next && capacity !== null ? <p className="muted">Preview without the team capacity limit; saving replans the whole portfolio.</p> : null}
    </ResultCard>
  );
}

/** One card of the decision: its title, tagged "Preview" while the answers are a draft, and a badge beside it if any. */
function ResultCard({ title, preview, badge, className, children }: {
  title: string; preview?: boolean; badge?: ReactNode; className?: string; children: ReactNode;
}) {
  const heading = <h3 className="decision__subtitle">{title}{preview ? <span className="preview-tag">Preview</span> : null}</h3>;
  return (
    <div className={`result-card${className ? ` ${className}` : ''}`}>
      {badge ? <div className="result-card__head">{heading}{badge}</div> : heading}
      {children}
    </div>
  );
}
