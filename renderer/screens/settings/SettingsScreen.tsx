// Settings: the actor name written to the audit log, and the deadline policy every plan is computed from.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { invoke } from '../../ipc.ts';
import { useInventory } from '../../stores/inventory.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DateInput, FormError, NumberField, TextField } from '../../components/fields.tsx';
import { focusFirstError, numberText, parseNumber, useFieldErrors, useFormSubmit, validate } from '../../forms.ts';
import type { FieldErrors } from '../../forms.ts';
import { STEP_NAMES, eventKindOptions } from '../../labels.ts';
import { notifyError, notifyInfo } from '../../stores/ui.ts';
import { policyInput, preferencesSchema } from '../../../shared/ipc/inventory.ts';
import type { DeadlineEventKind, DeadlinePolicy } from '../../../shared/domain/types.ts';

export function SettingsScreen() {
  const policy = useInventory((s) => s.policy);
  return (
    <div className="page page--narrow">
      <PageHeader title="Settings" description="Stored in this workspace, except your name, which is kept on this computer." />
      <ActorSection />
      {policy ? <PolicyForm key={JSON.stringify(policy)} policy={policy} /> : <p className="muted">Loading the deadline policy…</p>}
    </div>
  );
}

function ActorSection() {
  const [actorName, setActorName] = useState('');
  const [saved, setSaved] = useState('');
  const { errors, setErrors, fromError } = useFieldErrors();
  useEffect(() => {
    void invoke('preferences.get', {}).then((r) => {
      if (r.ok) {
        // Whatever the user typed while this loaded wins over the stored name.
        setActorName((typed) => typed || r.value.actorName);
        setSaved(r.value.actorName);
      } else notifyError(r.error);
    });
  }, []);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const local: FieldErrors = {};
    const data = validate(preferencesSchema, { actorName }, local);
    if (!data) {
      setErrors(local);
      return focusFirstError(form);
    }
    const r = await invoke('preferences.update', data);
    if (!r.ok) return fromError(r.error);
    setErrors({});
    setSaved(r.value.actorName);
    notifyInfo('Saved your name for the audit log.');
  }

  return (
    <form className="form-section" onSubmit={(e) => void save(e)} noValidate aria-labelledby="actor-title">
      <h2 id="actor-title" className="form-section__title">You</h2>
      <div className="inline-form">
        <TextField label="Your name" value={actorName} onChange={setActorName} error={errors.actorName} hint="Shown in the audit log next to every change you make." />
        <button type="submit" className="button" disabled={actorName === saved}>Save name</button>
      </div>
    </form>
  );
}

interface EventDraft { id: string; name: string; date: string; kind: DeadlineEventKind }

function PolicyForm({ policy }: { policy: DeadlinePolicy }) {
  const mutate = useInventory((s) => s.mutate);
  const [events, setEvents] = useState<EventDraft[]>(policy.events);
  const [retestDays, setRetestDays] = useState(numberText(policy.retestDays));
  const [rollbackDays, setRollbackDays] = useState(numberText(policy.rollbackDays));
  const [holidays, setHolidays] = useState<string[]>(policy.holidays);
  const [blackouts, setBlackouts] = useState(policy.blackouts);
  const [capacity, setCapacity] = useState(numberText(policy.capacity));
  const [steps, setSteps] = useState<string[]>(policy.stepDurations.map(String));
  const { errors, setErrors, busy, submit } = useFormSubmit();
  const hasRetirement = events.some((e) => e.kind === 'inference_retirement');

  const updateEvent = (i: number, patch: Partial<EventDraft>) => setEvents((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const addEvent = (kind: DeadlineEventKind) => setEvents((list) => [
    ...list,
    kind === 'inference_retirement'
      ? { id: `inference-retirement-${Date.now()}`, name: 'Fine-tuned models stop serving', date: '', kind }
      : { id: `event-${Date.now()}`, name: '', date: '', kind },
  ]);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const payload = {
      events,
      retestDays: parseNumber(retestDays, 'retestDays', local) ?? 0,
      rollbackDays: parseNumber(rollbackDays, 'rollbackDays', local) ?? 0,
      holidays: holidays.filter((h) => h !== ''),
      blackouts,
      capacity: parseNumber(capacity, 'capacity', local),
      stepDurations: steps.map((s, i) => parseNumber(s, `stepDurations.${i}`, local) ?? 0),
    };
    const valid = validate(policyInput, payload, local) !== null;
    if (valid) setErrors({});
    const saved = await submit(e.currentTarget, local, valid ? payload : null, (p) => mutate('policy.update', p as DeadlinePolicy, ['policy']));
    if (!saved) return;
    notifyInfo('Saved the deadline policy. Every plan is recomputed from it.');
  }

  return (
    <form className="policy-form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="policy-title">
      <div className="section__header">
        <h2 id="policy-title" className="section-title">Deadline policy</h2>
        <button type="submit" className="button button--primary" disabled={busy}>Save and replan</button>
      </div>
      <FormError message={errors._form ?? errors.events} />

      <fieldset className="form-section">
        <legend className="form-section__title">Deadline events</legend>
        <p className="form-section__note">The vendor's training deadline, and any other date that ends the old model's life, such as an inference retirement date once announced.</p>
        <FormTable columns={['Event', 'Date', 'Kind']}>
          {events.map((ev, i) => (
            <tr key={ev.id}>
              <td><RowInput label={`Name of event ${i + 1}`} value={ev.name} onChange={(v) => updateEvent(i, { name: v })} error={errors[`events.${i}.name`]} /></td>
              <td><RowInput type="date" label={`Date of event ${i + 1}`} value={ev.date} onChange={(v) => updateEvent(i, { date: v })} error={errors[`events.${i}.date`]} /></td>
              <td>
                <label className="visually-hidden" htmlFor={`event-kind-${ev.id}`}>Kind of event {i + 1}</label>
                <select id={`event-kind-${ev.id}`} className="input select" value={ev.kind} onChange={(e) => updateEvent(i, { kind: e.target.value as DeadlineEventKind })}>
                  {eventKindOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </td>
              <td className="cell-actions">
                <RemoveButton
                  what={`event ${ev.name || i + 1}`}
                  disabled={ev.kind === 'training_deadline' && events.filter((x) => x.kind === 'training_deadline').length === 1}
                  title={ev.kind === 'training_deadline' ? 'Every plan needs one training deadline: change its date instead' : undefined}
                  onClick={() => setEvents((l) => l.filter((_, j) => j !== i))}
                />
              </td>
            </tr>
          ))}
        </FormTable>
        <div className="row-actions">
          <button type="button" className="button button--small" onClick={() => addEvent('other')}>Add event</button>
          {hasRetirement ? null : (
            <button type="button" className="button button--small" onClick={() => addEvent('inference_retirement')}>Add inference retirement date</button>
          )}
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section__title">Buffers before the deadline</legend>
        <p className="form-section__note">The internal sunset date is the deadline minus retest and rollback room, in calendar days.</p>
        <div className="form-grid form-grid--3">
          <NumberField label="Retest window" integer suffix="days" value={retestDays} onChange={setRetestDays} error={errors.retestDays} />
          <NumberField label="Rollback window" integer suffix="days" value={rollbackDays} onChange={setRollbackDays} error={errors.rollbackDays} />
          <NumberField
            label="Team capacity" integer suffix="workloads" placeholder="No limit" value={capacity} onChange={setCapacity} error={errors.capacity}
            hint="At most this many workloads in benchmark, governance and pilot at once. Empty means no limit."
          />
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section__title">Holidays</legend>
        <p className="form-section__note">Working days are Monday to Friday minus these dates.</p>
        {holidays.length === 0 ? <p className="muted">No holidays yet.</p> : (
          <ul className="date-list">
            {holidays.map((h, i) => (
              <li key={i} className="date-list__item">
                <RowInput type="date" label={`Holiday ${i + 1}`} value={h} onChange={(v) => setHolidays((l) => l.map((x, j) => (j === i ? v : x)))} error={errors[`holidays.${i}`]} />
                <RemoveButton what={`holiday ${h || i + 1}`} onClick={() => setHolidays((l) => l.filter((_, j) => j !== i))} />
              </li>
            ))}
          </ul>
        )}
        <div className="row-actions">
          <button type="button" className="button button--small" onClick={() => setHolidays((l) => [...l, ''])}>Add holiday</button>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section__title">Blackout periods</legend>
        <p className="form-section__note">No migration work is scheduled inside these, e.g. a year-end change freeze.</p>
        {blackouts.length === 0 ? <p className="muted">No blackout periods yet.</p> : (
          <FormTable columns={['Name', 'From', 'To']}>
            {blackouts.map((b, i) => {
              const upd = (patch: Partial<typeof b>) => setBlackouts((l) => l.map((x, j) => (j === i ? { ...x, ...patch } : x)));
              return (
                <tr key={i}>
                  <td><RowInput label={`Name of blackout ${i + 1}`} value={b.name} onChange={(v) => upd({ name: v })} error={errors[`blackouts.${i}.name`]} /></td>
                  <td><RowInput type="date" label={`Start of blackout ${i + 1}`} value={b.start} onChange={(v) => upd({ start: v })} error={errors[`blackouts.${i}.start`]} /></td>
                  <td><RowInput type="date" label={`End of blackout ${i + 1}`} value={b.end} onChange={(v) => upd({ end: v })} error={errors[`blackouts.${i}.end`]} /></td>
                  <td className="cell-actions">
                    <RemoveButton what={`blackout ${b.name || i + 1}`} onClick={() => setBlackouts((l) => l.filter((_, j) => j !== i))} />
                  </td>
                </tr>
              );
            })}
          </FormTable>
        )}
        <div className="row-actions">
          <button type="button" className="button button--small" onClick={() => setBlackouts((l) => [...l, { name: 'Change freeze', start: '', end: '' }])}>Add blackout period</button>
        </div>
      </fieldset>

      <fieldset className="form-section">
        <legend className="form-section__title">Step durations</legend>
        <p className="form-section__note">Base durations in working days; each workload's plan grows them from its own inputs.</p>
        <div className="form-grid form-grid--3">
          {STEP_NAMES.map((name, i) => (
            <NumberField
              key={name} integer suffix="days" label={`${i + 1}. ${name}`} value={steps[i]}
              onChange={(v) => setSteps((l) => l.map((x, j) => (j === i ? v : x)))} error={errors[`stepDurations.${i}`]}
            />
          ))}
        </div>
      </fieldset>

      <div className="form__actions form__actions--end">
        <button type="submit" className="button button--primary" disabled={busy}>Save and replan</button>
      </div>
    </form>
  );
}

/** A compact input inside a table row: its label is visually hidden, its error shows below it. */
/** A table of editable rows; the last column holds each row's Remove button. */
function FormTable({ columns, children }: { columns: string[]; children: ReactNode }) {
  return (
    <table className="data-table data-table--form">
      <thead>
        <tr>{columns.map((c) => <th key={c} scope="col">{c}</th>)}<th scope="col"><span className="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** `what` completes the button's name for screen readers ("Remove holiday 2026-12-25"). */
function RemoveButton({ what, onClick, disabled, title }: { what: string; onClick(): void; disabled?: boolean; title?: string }) {
  return (
    <button type="button" className="button button--small button--danger-ghost" disabled={disabled} title={title} onClick={onClick}>
      Remove<span className="visually-hidden"> {what}</span>
    </button>
  );
}

function RowInput({ label, value, onChange, error, type = 'text' }: { label: string; value: string; onChange(v: string): void; error?: string; type?: 'text' | 'date' }) {
  const id = `row-${label.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`row-input${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      {type === 'date' ? (
        <DateInput id={id} value={value} onChange={onChange} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      ) : (
        <input
          id={id} className="input" type="text" value={value} onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
        />
      )}
      {error ? <p id={`${id}-error`} className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
    </div>
  );
}
