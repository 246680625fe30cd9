// A recommendation as people read it: job → approach per component (overrides marked), architecture and parts, rules, warnings, confidence.
import type { Job } from '../../../shared/domain/types.ts';
import type { Recommendation, RecommendationComponent } from '../../../shared/decision/types.ts';
import { RULES } from '../../../shared/decision/thresholds.ts';
import { approachLabel, confidenceLabel, dayOf, jobLabel } from '../../labels.ts';

const ruleTitle = new Map<string, string>(RULES.map((r) => [r.id, r.title]));

export function OverrideNote({ override, ruleChoice }: { override: NonNullable<RecommendationComponent['override']>; ruleChoice?: string }) {
  return (
    <span className="override-note">
      <span className="override-tag">Override</span>
      <span className="override-note__text">
        “{override.reason}” — {override.actor || 'someone'}, {dayOf(override.at)}
        {ruleChoice ? <span className="override-note__rules">The rules chose {ruleChoice}.</span> : null}
      </span>
    </span>
  );
}

export function ConfidenceBadge({ confidence }: { confidence: Recommendation['confidence'] }) {
  const icon = { high: '●●●', medium: '●●○', low: '●○○' }[confidence.level];
  return (
    <span className={`confidence confidence--${confidence.level}`}>
      <span aria-hidden="true" className="confidence__dots">{icon}</span>
      {confidenceLabel[confidence.level]}
    </span>
  );
}

export function ComponentList({ recommendation, onOverride, onClear, disabledReason }: {
  recommendation: Recommendation;
  onOverride?(job: Job): void;
  onClear?(job: Job): void;
  /** When set, override actions are disabled and this says why. */
  disabledReason?: string;
}) {
  if (recommendation.components.length === 0) {
    return <p className="muted">No job weighs enough for a component yet: {recommendation.architectureParts[0]}.</p>;
  }
  return (
    <ul className="components" aria-label="Components">
      {recommendation.components.map((c) => (
        <li key={c.job} className={`component${c.override ? ' component--override' : ''}`}>
          <div className="component__main">
            <span className="component__what" title={c.reason}>
              <span className="component__job">{jobLabel[c.job]}</span>
              <span className="component__arrow" aria-hidden="true"> → </span>
              <span className="component__approach">{approachLabel[c.approach]}</span>
              <span className="component__weight"> · weight {c.weight}</span>
            </span>
            <span className="component__rule" title={ruleTitle.get(c.ruleId) ?? 'Default'}>{c.ruleId}</span>
            {onOverride ? (
              <span className="component__actions">
                {c.override && onClear ? (
                  <button type="button" className="button button--small button--ghost" disabled={!!disabledReason} title={disabledReason}
                    onClick={() => onClear(c.job)} aria-label={`Clear the override of ${c.job}`}>Clear</button>
                ) : null}
                <button type="button" className="button button--small" disabled={!!disabledReason} title={disabledReason}
                  onClick={() => onOverride(c.job)} aria-label={`Override ${c.job}…`}>Override…</button>
              </span>
            ) : null}
          </div>
          {c.override ? <OverrideNote override={c.override} ruleChoice={`${approachLabel[c.ruleApproach]} (${c.ruleId})`} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function TraceList({ recommendation }: { recommendation: Recommendation }) {
  return (
    <ol className="trace" aria-label="Rules that fired">
      {recommendation.trace.map((t, i) => (
        <li key={i} className="trace__item">
          <span className={`rule-id${t.ruleId === 'override' ? ' rule-id--override' : ''}`} title={ruleTitle.get(t.ruleId) ?? undefined}>
            {t.ruleId === 'override' ? 'Override' : t.ruleId === 'default' ? 'Default' : t.ruleId}
          </span>
          <span className="trace__text">
            {ruleTitle.get(t.ruleId) ? <span className="trace__title">{ruleTitle.get(t.ruleId)}. </span> : null}
            {t.text}
          </span>
        </li>
      ))}
    </ol>
  );
}

export function NotesList({ recommendation }: { recommendation: Recommendation }) {
  const { warnings, notes } = recommendation;
  if (warnings.length === 0 && notes.length === 0) return <p className="muted">No warnings or notes.</p>;
  return (
    <ul className="notes">
      {warnings.map((w, i) => (
        <li key={`w${i}`} className="note note--warning">
          <span className="note__icon" aria-hidden="true">⚠</span>
          <span><span className="visually-hidden">Warning: </span>{w.text}{w.ruleId ? <span className="note__rule"> ({w.ruleId})</span> : null}</span>
        </li>
      ))}
      {notes.map((n, i) => (
        <li key={`n${i}`} className="note note--info">
          <span className="note__icon" aria-hidden="true">ℹ</span>
          <span><span className="visually-hidden">Note: </span>{n.text}{n.ruleId ? <span className="note__rule"> ({n.ruleId})</span> : null}</span>
        </li>
      ))}
    </ul>
  );
}
