// Dot voting: the tally as a bar chart, who has voted, a dialog to enter one participant's dots, and applying the result as the priority order.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { FormActions, SelectField } from '../../components/fields.tsx';
import { useFormSubmit, type FieldErrors } from '../../forms.ts';
import { useWorkshop } from '../../stores/workshop.ts';
import { notifyInfo } from '../../stores/ui.ts';
import type { AgendaItem, WorkshopDetail } from '../../../shared/workshop/types.ts';
import type { Workload } from '../../../shared/domain/types.ts';
import { plural } from '../../labels.ts';
import { tallyVotes, validateBallot, voteOptionsOf } from '../../../shared/workshop/votes.ts';

export function VoteItem({ detail, item, workloads, audience, onCast, applied, onApplied }: {
  detail: WorkshopDetail; item: AgendaItem; workloads: Workload[]; audience: boolean;
  onCast(): void; applied: string | null; onApplied(summary: string): void;
}) {
  const mutate = useWorkshop((s) => s.mutate);
  const [busy, setBusy] = useState(false);
  const options = voteOptionsOf(item, workloads);
  const tally = tallyVotes(detail.votes.filter((v) => v.itemId === item.id), options);
  const max = Math.max(1, ...tally.map((t) => t.dots));
  const voters = [...new Set(detail.votes.filter((v) => v.itemId === item.id && v.dots > 0).map((v) => v.participant))];
  const total = tally.reduce((s, t) => s + t.dots, 0);
  const canApply = options.some((o) => o.workloadId !== null) && total > 0;

  async function apply() {
    setBusy(true);
    const r = await mutate('workshops.applyVote', { itemId: item.id }, { plan: true, inventory: ['workloads'] });
    setBusy(false);
    if (r.ok) {
      onApplied(r.value.summary);
      notifyInfo('Applied the vote as the priority order.');
    }
  }

  return (
    <div className="vote">
      <div className="vote__chart">
        <h2 className="ws-subtitle">Tally <span className="muted">· {plural(total, 'dot')} from {plural(voters.length, 'participant')}</span></h2>
        <ol className="bars" aria-label="Vote tally">
          {tally.map((t, i) => (
            <li key={t.key} className="bar">
              <span className="bar__label"><span className="bar__rank">{i + 1}</span>{t.label}</span>
              <span className="bar__track" aria-hidden="true"><span className="bar__fill" style={{ width: `${(t.dots / max) * 100}%` }} /></span>
              <span className="bar__value">{t.dots}<span className="visually-hidden"> dots</span></span>
            </li>
          ))}
        </ol>
        {applied ? <p className="ws-callout" role="status">{applied}</p> : null}
      </div>
      <div className="vote__side">
        <h2 className="ws-subtitle">Voted</h2>
        {voters.length === 0 ? <p className="muted">No dots yet.</p> : <ul className="vote__voters">{voters.map((v) => <li key={v}><span aria-hidden="true">✓ </span>{v}</li>)}</ul>}
        <p className="muted">{plural(detail.workshop.dotsPerParticipant, 'dot')} each.</p>
        {audience ? null : (
          <div className="vote__actions">
            <button type="button" className="button button--xl" onClick={onCast}>Enter dots <kbd>V</kbd></button>
            <button type="button" className="button button--xl button--primary" disabled={!canApply || busy} onClick={() => void apply()}>Apply as priority order</button>
          </div>
        )}
      </div>
    </div>
  );
}

/** One participant's dots (or the facilitator's for the room); replaces what that participant gave before. */
export function VoteDialog({ detail, item, workloads, onClose }: { detail: WorkshopDetail; item: AgendaItem; workloads: Workload[]; onClose(): void }) {
  const options = voteOptionsOf(item, workloads);
  const allowed = detail.workshop.dotsPerParticipant;
  const names = detail.workshop.participants.map((p) => p.name);
  const voted = new Set(detail.votes.filter((v) => v.itemId === item.id).map((v) => v.participant));
  const choices = [...names, 'Facilitator'];
  const [participant, setParticipant] = useState(choices.find((n) => !voted.has(n)) ?? choices[0]);
  const previous = (who: string) => Object.fromEntries(options.map((o) => [o.key, String(detail.votes.find((v) => v.itemId === item.id && v.participant === who && v.optionKey === o.key)?.dots ?? 0)]));
  const [dots, setDots] = useState<Record<string, string>>(() => previous(participant));
  const mutate = useWorkshop((s) => s.mutate);
  const { errors, busy, submit } = useFormSubmit();
  const used = Object.values(dots).reduce((s, d) => s + (Number(d) || 0), 0);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const parsed: Record<string, number> = {};
    for (const o of options) {
      const n = Number(dots[o.key] || 0);
      if (!Number.isInteger(n) || n < 0) local[`dots.${o.key}`] = 'Use a whole number of dots, 0 or more';
      parsed[o.key] = n;
    }
    const issue = Object.keys(local).length ? null : validateBallot(participant, parsed, options, allowed);
    if (issue) local[issue.field] = issue.message;
    const checked = Object.keys(local).length ? null : { itemId: item.id, participant, dots: parsed };
    const r = await submit(e.currentTarget, local, checked, (d) => mutate('workshops.castVotes', d));
    if (!r) return;
    notifyInfo(`Saved ${participant}'s dots.`);
    onClose();
  }

  const overall = errors.dots ?? errors.participant ?? errors._form;
  return (
    <Dialog open title="Enter dots" onClose={onClose}>
      <form className="form vote-form" onSubmit={(e) => void save(e)} noValidate>
        <SelectField label="Participant" value={participant} onChange={(v) => { setParticipant(v); setDots(previous(v)); }}
          options={choices.map((n) => ({ value: n, label: voted.has(n) ? `${n} (voted)` : n }))} />
        <p className={`vote-form__left${used > allowed ? ' ws-over' : ''}`} role="status">{used} of {plural(allowed, 'dot')} given</p>
        <ul className="vote-form__options">
          {options.map((o) => (
            <li key={o.key} className="vote-form__option">
              <label htmlFor={`dots-${o.key}`} className="vote-form__label">{o.label}</label>
              <button type="button" className="icon-button" aria-label={`One dot less for ${o.label}`}
                onClick={() => setDots((d) => ({ ...d, [o.key]: String(Math.max(0, (Number(d[o.key]) || 0) - 1)) }))}>−</button>
              <input id={`dots-${o.key}`} className="input vote-form__input" inputMode="numeric" value={dots[o.key] ?? '0'}
                aria-invalid={errors[`dots.${o.key}`] || errors.dots ? true : undefined}
                aria-describedby={errors.dots ? 'vote-dots-error' : undefined}
                onChange={(e) => setDots((d) => ({ ...d, [o.key]: e.target.value.replace(/[^\d]/g, '') }))} />
              <button type="button" className="icon-button" aria-label={`One dot more for ${o.label}`}
                onClick={() => setDots((d) => ({ ...d, [o.key]: String((Number(d[o.key]) || 0) + 1) }))}>+</button>
              {errors[`dots.${o.key}`] ? <span className="field__error">{errors[`dots.${o.key}`]}</span> : null}
            </li>
          ))}
        </ul>
        {overall ? <p id="vote-dots-error" className="field__error"><span aria-hidden="true">⚠ </span>{overall}</p> : null}
        <FormActions busy={busy} submitLabel="Save dots" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
