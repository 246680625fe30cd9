// Picks another approach for one job of a recommendation, with the reason an auditor will read.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import type { Approach, Job } from '../../../shared/domain/types.ts';
import type { RecommendationComponent } from '../../../shared/decision/types.ts';
import { approachLabel, jobLabel } from '../../labels.ts';

/** multi_model is an architecture of several components, not an approach for one job. */
const CHOICES: Approach[] = ['rag', 'prompting', 'open_weight', 'preference'];

export function OverrideDialog({ component, onCancel, onSubmit }: {
  component: RecommendationComponent;
  onCancel(): void;
  /** Returns an error message to show next to the reason, or null when saved. */
  onSubmit(job: Job, approach: Approach, reason: string): Promise<string | null>;
}) {
  const [approach, setApproach] = useState<Approach>(CHOICES.find((a) => a !== component.approach) ?? 'prompting');
  const [reason, setReason] = useState(component.override?.reason ?? '');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(e?: React.FormEvent) {
    e?.preventDefault();
    if (reason.trim().length < 3) {
      setError('Say why you override the recommendation (an auditor will read it)');
      return;
    }
    setBusy(true);
    const message = await onSubmit(component.job, approach, reason.trim());
    setBusy(false);
    if (message) setError(message);
  }

  return (
    <Dialog
      open
      title={`Override ${jobLabel[component.job].toLowerCase()}`}
      onClose={onCancel}
      footer={(
        <>
          <button type="button" className="button" onClick={onCancel}>Cancel</button>
          <button type="submit" form="override-form" className="button button--primary" disabled={busy}>Save override</button>
        </>
      )}
    >
      <form id="override-form" className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">
          The rules chose <strong>{approachLabel[component.ruleApproach]}</strong> ({component.ruleId}): {component.reason}
        </p>
        <fieldset className="override-choices">
          <legend className="field__label">Use instead</legend>
          {CHOICES.map((a) => (
            <label key={a} className={`choice choice--block${approach === a ? ' is-selected' : ''}`}>
              <input type="radio" name="override-approach" value={a} checked={approach === a} onChange={() => setApproach(a)} data-autofocus={approach === a ? true : undefined} />
              <span>{approachLabel[a]}{a === component.ruleApproach ? <span className="muted"> (the rules’ choice)</span> : null}</span>
            </label>
          ))}
        </fieldset>
        <TextAreaField label="Reason" value={reason} onChange={(v) => { setReason(v); setError(undefined); }} error={error} rows={3}
          hint="Required. Kept with your name and the date, and shown wherever this recommendation appears." />
      </form>
    </Dialog>
  );
}
