// A classify item: the questionnaire for one workload with large controls (1–5 answer, ↑/↓ move, Enter accepts), and beside it
// the recommendation, its rule trace and the workload's plan dates, recomputed live on the draft answers as the Decision panel does.
import { useEffect, useMemo, useState } from 'react';
import { useInventory } from '../../stores/inventory.ts';
import { useWorkshop } from '../../stores/workshop.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { answersFromWorkload, profileFromAnswers, QUESTIONS, type Question, type QuestionnaireAnswers } from '../../../shared/decision/questionnaire.ts';
import { recommend } from '../../../shared/decision/recommend.ts';
import { scheduleWorkload } from '../../../shared/plan/schedule.ts';
import type { Job, JobProfile, Workload } from '../../../shared/domain/types.ts';
import type { PortfolioWorkload } from '../../../shared/portfolio.ts';
import type { AgendaItem, WorkshopDetail } from '../../../shared/workshop/types.ts';
import { StatusBadge, slackText } from '../../components/timeline/status.tsx';
import { ComponentList, TraceList } from '../decision/RecommendationView.tsx';
import { OverrideDialog } from '../decision/OverrideDialog.tsx';
import { approachLabel } from '../../labels.ts';
import { useEvaluations } from '../decision/useEvaluations.ts';
import { isoDay, useItemKeys } from './clock.ts';

type Answer = QuestionnaireAnswers[keyof QuestionnaireAnswers];
interface Choice { value: Answer; label: string }

/** Presets for the number questions, so 1–5 answers them too; the exact number can still be typed. */
const NUMBER_PRESETS: Record<string, Choice[]> = {
  latencyTargetMs: [{ value: null, label: 'None' }, { value: '100', label: '100 ms' }, { value: '300', label: '300 ms' }, { value: '1000', label: '1 s' }, { value: '3000', label: '3 s' }],
  pairwiseFeedback: [{ value: '0', label: 'None' }, { value: '100', label: '100' }, { value: '500', label: '500' }, { value: '2000', label: '2,000' }, { value: '10000', label: '10,000' }],
};

function choicesOf(q: Question): Choice[] {
  if (q.kind === 'yesno') return [{ value: true, label: 'Yes' }, { value: false, label: 'No' }];
  if (q.kind === 'number') return NUMBER_PRESETS[q.id] ?? [];
  return q.options.map((o) => ({ value: o.value, label: o.label }));
}

const isRelevant = (q: Question, a: QuestionnaireAnswers) => q.id !== 'knowledgeChange' || a.knowledge === 'partly' || a.knowledge === 'central';


const answerText = (q: Question, v: Answer): string => {
  if (v === undefined || v === null || v === '') return '—';
  const c = choicesOf(q).find((o) => o.value === v);
  return c?.label ?? (q.kind === 'number' ? String(v) : String(v));
};

export function ClassifyItem({ detail, item, row, audience, draft }: {
  detail: WorkshopDetail; item: AgendaItem; row: PortfolioWorkload | undefined; audience: boolean;
  /** The audience shows the presenter's draft as it is shared. */
  draft?: { answers: QuestionnaireAnswers; focus: number } | null;
}) {
  if (!row) return <p className="ws-lead">{item.workloadId === null ? 'Choose a workload for this item in the agenda.' : 'Computing the recommendation…'}</p>;
  return <ClassifyBody key={`${item.id}:${row.workload.updatedAt}`} detail={detail} item={item} row={row} audience={audience} shared={draft ?? null} />;
}

function ClassifyBody({ detail, item, row, audience, shared }: {
  detail: WorkshopDetail; item: AgendaItem; row: PortfolioWorkload; audience: boolean; shared: { answers: QuestionnaireAnswers; focus: number } | null;
}) {
  const workload = row.workload;
  const saved = useMemo(() => answersFromWorkload(workload, row.profile), [workload, row.profile]);
  const stored = useWorkshop((s) => s.drafts[item.id]);
  const setDraft = useWorkshop((s) => s.setDraft);
  const mutate = useWorkshop((s) => s.mutate);
  const today = useWorkshop((s) => s.portfolio?.today ?? isoDay(s.now()));
  const policy = useInventory((s) => s.policy);
  const commitments = useInventory((s) => s.commitments);
  const contracts = useInventory((s) => s.contracts);
  const [focus, setFocus] = useState(0);
  const [busy, setBusy] = useState(false);
  const [overriding, setOverriding] = useState<Job | null>(null);
  const answers = audience ? shared?.answers ?? saved : stored ?? saved;
  const focused = audience ? shared?.focus ?? -1 : focus;
  const evaluations = useEvaluations(workload.id, row);
  const record = detail.classifications.find((c) => c.itemId === item.id) ?? null;

  const questions = QUESTIONS.filter((q) => isRelevant(q, answers));
  const dirty = QUESTIONS.some((q) => (answers[q.id] ?? null) !== (saved[q.id] ?? null));

  const preview = useMemo(() => {
    if (!dirty) return null;
    const result = profileFromAnswers(answers);
    const w: Workload = { ...workload, ...result.workloadPatch };
    const profile: JobProfile = { workloadId: workload.id, weights: result.weights, sources: result.sources, confirmed: true, evidence: [], answers };
    const overrides = row.recommendation.components.flatMap((c) => (c.override ? [{ workloadId: workload.id, job: c.job, ...c.override }] : []));
    const recommendation = recommend({ workload: w, profile, commitments, evaluations, overrides });
    const plan = policy ? scheduleWorkload({ workload: w, recommendation, commitments, contracts }, { today, policy }) : null;
    // Like for like: the saved answers scheduled the same way (one workload, no team capacity), so only the answers move the dates.
    const base = policy ? scheduleWorkload({ workload, recommendation: row.recommendation, commitments, contracts }, { today, policy }) : null;
    return { recommendation, plan, base };
  }, [dirty, answers, workload, commitments, evaluations, row.recommendation, policy, today, contracts]);

  const recommendation = preview?.recommendation ?? row.recommendation;
  const plan = preview?.plan ?? row.plan;
  const basePlan = preview?.base ?? row.plan;

  const answer = (index: number, value: Answer) => {
    const q = questions[index];
    if (!q || audience) return;
    setDraft(item.id, { ...answers, [q.id]: value });
  };

  async function accept() {
    if (audience || busy) return;
    setBusy(true);
    const before = row.plan.end;
    const r = await mutate('workshops.acceptClassification', { itemId: item.id, answers, today }, { plan: true, inventory: ['workloads'] });
    setBusy(false);
    if (!r.ok) return;
    setDraft(item.id, null);
    const after = r.value.after.planEnd;
    notifyInfo(after && after !== before ? `Accepted for ${workload.name}: cut-over moves from ${before} to ${after}.` : `Accepted for ${workload.name}: the plan keeps its dates.`);
  }

  const keys = useItemKeys();
  useEffect(() => {
    if (audience) return undefined;
    keys.current = {
      digit: (n) => {
        const q = questions[focus];
        const c = q ? choicesOf(q)[n - 1] : undefined;
        if (c) answer(focus, c.value);
      },
      move: (d) => setFocus((f) => Math.min(questions.length - 1, Math.max(0, f + d))),
      enter: () => void accept(),
    };
    return () => { keys.current = {}; };
  });

  // Share the draft with the audience view (same origin: the storage event reaches its window).
  useEffect(() => {
    if (audience) return;
    try {
      localStorage.setItem(`offramp:workshop:${detail.workshop.id}:draft`, JSON.stringify({ itemId: item.id, answers, focus, dirty }));
    } catch { /* storage full or off: the audience then shows the saved answers */ }
  }, [audience, detail.workshop.id, item.id, answers, focus, dirty]);

  return (
    <div className="classify">
      <ol className="classify__questions" aria-label={`Questions about ${workload.name}`}>
        {questions.map((q, i) => {
          const isFocused = i === focused;
          const value = answers[q.id];
          return (
            <li key={q.id} className={`cq${isFocused ? ' cq--focused' : ''}`} aria-current={isFocused ? 'step' : undefined}>
              {isFocused ? (
                <fieldset className="cq__body">
                  <legend className="cq__text"><span className="cq__number">{i + 1}</span>{q.text}</legend>
                  <div className="cq__choices">
                    {choicesOf(q).map((c, n) => (
                      <button key={String(c.value)} type="button" className={`cq__choice${value === c.value ? ' is-selected' : ''}`}
                        aria-pressed={value === c.value} disabled={audience} onClick={() => answer(i, c.value)}>
                        {audience ? null : <kbd>{n + 1}</kbd>}{c.label}
                      </button>
                    ))}
                    {q.kind === 'number' && !audience ? (
                      <label className="cq__exact">
                        <span>Exact</span>
                        <input className="input" inputMode="numeric" value={value === null || value === undefined ? '' : String(value)}
                          onChange={(e) => answer(i, e.target.value.trim() === '' ? null : e.target.value.replace(/[^\d]/g, ''))} />
                      </label>
                    ) : null}
                  </div>
                </fieldset>
              ) : (
                <button type="button" className="cq__line" disabled={audience} onClick={() => setFocus(i)}>
                  <span className="cq__number">{i + 1}</span><span className="cq__short">{q.text}</span>
                  <span className="cq__answer">{answerText(q, value)}</span>
                </button>
              )}
            </li>
          );
        })}
      </ol>

      <div className="classify__result" aria-live="polite">
        <section className="ws-card ws-card--big">
          <h2 className="ws-subtitle">Recommendation{dirty ? <span className="preview-tag">Preview</span> : null}</h2>
          <p className="classify__arch">{approachLabel[recommendation.architecture]}</p>
          <ComponentList recommendation={recommendation}
            onOverride={audience ? undefined : setOverriding}
            disabledReason={dirty ? 'Accept or change the answers back first' : undefined} />
        </section>
        <section className="ws-card ws-card--big">
          <div className="result-card__head"><h2 className="ws-subtitle">Plan{dirty ? <span className="preview-tag">Preview</span> : null}</h2><StatusBadge status={plan.status} /></div>
          <dl className="classify__facts">
            <div><dt>Cut over by</dt><dd>{plan.end !== basePlan.end ? <><s>{basePlan.end}</s> → <strong>{plan.end}</strong></> : plan.end}</dd></div>
            <div><dt>Sunset</dt><dd>{plan.sunset.date}</dd></div>
            <div><dt>Margin</dt><dd>{slackText(plan.slackDays, plan.overrunDays)}</dd></div>
          </dl>
          {dirty && policy?.capacity ? <p className="muted">Preview without the team's capacity limit; Accept replans the whole portfolio.</p> : null}
        </section>
        {/* Scrolls when many rules fire: focusable so the keyboard can scroll it too. */}
        <section className="ws-card classify__trace" tabIndex={0} aria-label="Rules that fired">
          <h2 className="ws-subtitle">Rules that fired</h2>
          <TraceList recommendation={recommendation} />
        </section>
        {audience ? null : (
          <div className="classify__actions">
            {record ? <p className="muted">Accepted at {record.at.slice(11, 16)}; accept again to save changes.</p> : null}
            <button type="button" className="button button--xl button--primary" disabled={busy} onClick={() => void accept()}>
              Accept answers <kbd>Enter</kbd>
            </button>
          </div>
        )}
      </div>

      {overriding ? (
        <OverrideDialog
          component={row.recommendation.components.find((c) => c.job === overriding)!}
          onCancel={() => setOverriding(null)}
          onSubmit={async (job, approach, reason) => {
            const r = await mutate('overrides.set', { workloadId: workload.id, job, approach, reason }, { plan: true });
            if (!r.ok) return r.error.message;
            setOverriding(null);
            notifyInfo(`Overrode ${job}: ${approachLabel[approach]}.`);
            return null;
          }}
        />
      ) : null}
    </div>
  );
}

