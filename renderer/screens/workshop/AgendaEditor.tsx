// The agenda of a workshop as an ordered list to edit: kind, title, minutes, workload and vote options per item;
// reorder by drag, by the move buttons or with Alt+↑/↓; the running total against the planned length; one Save.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useFormSubmit, validate, type FieldErrors } from '../../forms.ts';
import { useWorkshop } from '../../stores/workshop.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { channels } from '../../../shared/ipc/index.ts';
import { AGENDA_KINDS, type AgendaItem, type AgendaKind, type VoteOption, type Workshop } from '../../../shared/workshop/types.ts';
import type { Workload } from '../../../shared/domain/types.ts';
import { format, parseISO } from 'date-fns';
import { agendaMinutes, itemElapsedSeconds, plannedStartTimes, validateAgenda } from '../../../shared/workshop/agenda.ts';
import { kindLabel } from './words.ts';
import { FormError } from '../../components/fields.tsx';
import { useUnsavedGuard } from '../../components/UnsavedChangesGuard.tsx';

const agendaForm = channels['workshops.saveAgenda'].payload;

interface Row {
  key: string;
  id?: number;
  kind: AgendaKind;
  title: string;
  minutes: string;
  workloadId: number | null;
  /** Free vote options, one per line; empty means the client's workloads. */
  options: string;
  /** Workload options kept as they were (their keys carry the workload). */
  workloadOptions: VoteOption[];
}

let nextKey = 1;
const toRow = (i: AgendaItem): Row => ({
  key: `i${i.id}`, id: i.id, kind: i.kind, title: i.title, minutes: String(i.plannedMinutes), workloadId: i.workloadId,
  options: i.voteOptions.filter((o) => o.workloadId === null).map((o) => o.label).join('\n'),
  workloadOptions: i.voteOptions.filter((o) => o.workloadId !== null),
});

function toInput(r: Row) {
  const free = r.options.split('\n').map((l) => l.trim()).filter(Boolean).map((label, n) => ({ key: `f:${n + 1}`, label, workloadId: null }));
  const minutes = r.minutes.trim() === '' ? Number.NaN : Number(r.minutes);
  return {
    ...(r.id ? { id: r.id } : {}), kind: r.kind, title: r.title, plannedMinutes: minutes, workloadId: r.workloadId,
    voteOptions: free.length > 0 ? free : r.workloadOptions,
  };
}

const signature = (rows: Row[]) => JSON.stringify(rows.map(({ key: _key, ...rest }) => rest));

export function AgendaEditor({ workshop, agenda, workloads }: { workshop: Workshop; agenda: AgendaItem[]; workloads: Workload[] }) {
  const saved = useMemo(() => agenda.map(toRow), [agenda]);
  const [rows, setRows] = useState<Row[]>(saved);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const pendingFocus = useRef<{ key: string; field: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const mutate = useWorkshop((s) => s.mutate);
  const { errors, setErrors, busy, submit } = useFormSubmit();
  const dirty = signature(rows) !== signature(saved);

  // A saved agenda (after Save, undo or the presenter) replaces the draft unless the user is editing it.
  const savedSig = signature(saved);
  const lastSaved = useRef(savedSig);
  useEffect(() => {
    if (savedSig === lastSaved.current) return;
    lastSaved.current = savedSig;
    setRows(saved);
  }, [savedSig, saved]);

  useUnsavedGuard(dirty, `your agenda changes for ${workshop.title}`);

  useLayoutEffect(() => {
    const p = pendingFocus.current;
    if (!p) return;
    pendingFocus.current = null;
    listRef.current?.querySelector<HTMLElement>(`[data-row="${p.key}"] [data-field="${p.field}"]`)?.focus();
  });

  const byId = useMemo(() => new Map(agenda.map((i) => [i.id, i])), [agenda]);
  const now = new Date(useWorkshop.getState().now()).toISOString();
  const total = agendaMinutes(rows.map((r) => ({ plannedMinutes: Number(r.minutes) || 0 })));
  const starts = plannedStartTimes(workshop.startTime, rows.map((r) => ({ plannedMinutes: Number(r.minutes) || 0 })));

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  function move(from: number, to: number, field?: string) {
    if (to < 0 || to >= rows.length || from === to) return;
    const next = [...rows];
    const [row] = next.splice(from, 1);
    next.splice(to, 0, row);
    setRows(next);
    // Error positions refer to the old order: clear them rather than point at the wrong item.
    setErrors({});
    if (field) pendingFocus.current = { key: row.key, field };
    setAnnouncement(`Moved ${row.title || kindLabel[row.kind]} to position ${to + 1} of ${rows.length}.`);
  }
  function add() {
    const key = `n${nextKey++}`;
    setRows((rs) => [...rs, { key, kind: 'free', title: '', minutes: '10', workloadId: null, options: '', workloadOptions: [] }]);
    pendingFocus.current = { key, field: 'kind' };
  }

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    rows.forEach((r, i) => {
      if (r.minutes.trim() === '' || Number.isNaN(Number(r.minutes))) local[`items.${i}.plannedMinutes`] = 'Enter the minutes as a number';
    });
    // Longer than the day, or than the workshop: said above the list, where the total is.
    for (const issue of validateAgenda(workshop, rows.map((r) => ({ plannedMinutes: Number(r.minutes) || 0 })), { items: 'items', plannedMinutes: 'items' })) local[issue.field] ??= issue.message;
    const data = validate(agendaForm, { workshopId: workshop.id, items: rows.map(toInput) }, local);
    const r = await submit(e.currentTarget, local, data, (d) => mutate('workshops.saveAgenda', d));
    if (r) notifyInfo(`Saved the agenda of ${workshop.title}.`);
  }

  const itemError = (i: number, f: string) => errors[`items.${i}.${f}`];
  const totalError = errors.items ?? errors._form;

  return (
    <form className="agenda-editor" onSubmit={(e) => void save(e)} noValidate aria-labelledby="agenda-title">
      <div className="section__header">
        <h2 id="agenda-title" className="section-title">Agenda</h2>
        <p className={`agenda-total${total > workshop.plannedMinutes ? ' agenda-total--over' : ''}`} role="status">
          {total > workshop.plannedMinutes ? <span aria-hidden="true">⚠ </span> : null}
          <strong>{total}</strong> of {workshop.plannedMinutes} minutes planned
          {total > workshop.plannedMinutes ? ` — ${total - workshop.plannedMinutes} over` : total < workshop.plannedMinutes ? ` — ${workshop.plannedMinutes - total} to spare` : ''}
        </p>
      </div>
      <p className="muted agenda-hint">Drag an item by its handle, use its arrows, or press Alt+↑ / Alt+↓ inside it to move it.</p>
      {totalError ? <FormError message={totalError} /> : null}
      <ol className="agenda-list" ref={listRef} aria-label="Agenda items">
        {rows.map((r, i) => (
          <li
            key={r.key}
            data-row={r.key}
            className={`agenda-row${dragging === i ? ' is-dragging' : ''}`}
            aria-label={`${i + 1}. ${r.title || kindLabel[r.kind]}`}
            onKeyDown={(e) => {
              if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
              e.preventDefault();
              move(i, e.key === 'ArrowUp' ? i - 1 : i + 1, (e.target as HTMLElement).dataset.field ?? 'title');
            }}
            onDragOver={(e) => { if (dragging !== null) e.preventDefault(); }}
            onDrop={(e) => {
              e.preventDefault();
              if (dragging !== null) move(dragging, i);
              setDragging(null);
            }}
          >
            <span className="agenda-row__handle" draggable aria-hidden="true" title="Drag to reorder"
              onDragStart={(e) => { e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', r.key); setDragging(i); }}
              onDragEnd={() => setDragging(null)}>⋮⋮</span>
            <span className="agenda-row__pos">{i + 1}</span>
            <span className="agenda-row__time" title="Planned start">{starts[i]}</span>
            <label className="agenda-cell agenda-cell--kind">
              <span className="visually-hidden">Kind of item {i + 1}</span>
              <select className="input select" data-field="kind" value={r.kind} onChange={(e) => update(i, { kind: e.target.value as AgendaKind })}>
                {AGENDA_KINDS.map((k) => <option key={k} value={k}>{kindLabel[k]}</option>)}
              </select>
            </label>
            <AgendaInput label={`Title of item ${i + 1}`} field="title" value={r.title} error={itemError(i, 'title')} onChange={(v) => update(i, { title: v })} className="agenda-cell--title" />
            <AgendaInput label={`Minutes of item ${i + 1}`} field="minutes" value={r.minutes} error={itemError(i, 'plannedMinutes')} onChange={(v) => update(i, { minutes: v })} className="agenda-cell--minutes" suffix="min" />
            <label className="agenda-cell agenda-cell--workload">
              <span className="visually-hidden">Workload of item {i + 1}</span>
              <select className="input select" data-field="workload" value={r.workloadId ?? ''}
                aria-invalid={itemError(i, 'workloadId') ? true : undefined}
                onChange={(e) => update(i, { workloadId: e.target.value ? Number(e.target.value) : null })}>
                <option value="">{r.kind === 'classify' || r.kind === 'evidence' ? 'Choose a workload' : 'No workload'}</option>
                {workloads.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
              </select>
              {itemError(i, 'workloadId') ? <span className="field__error">{itemError(i, 'workloadId')}</span> : null}
            </label>
            <span className="agenda-row__actions">
              <button type="button" className="icon-button" data-field="up" disabled={i === 0} onClick={() => move(i, i - 1, 'up')} aria-label={`Move ${r.title || `item ${i + 1}`} up`}>↑</button>
              <button type="button" className="icon-button" data-field="down" disabled={i === rows.length - 1} onClick={() => move(i, i + 1, 'down')} aria-label={`Move ${r.title || `item ${i + 1}`} down`}>↓</button>
              <button type="button" className="icon-button agenda-row__remove" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))} aria-label={`Remove ${r.title || `item ${i + 1}`}`}>×</button>
            </span>
            <ActualTimes item={r.id ? byId.get(r.id) : undefined} now={now} />
            {r.kind === 'vote' ? (
              <label className="agenda-row__options">
                <span className="field__label">Vote options, one per line</span>
                <textarea className="input textarea" rows={2} data-field="options" value={r.options} placeholder="Empty: the client's workloads"
                  onChange={(e) => update(i, { options: e.target.value })} />
                {itemError(i, 'voteOptions') ? <span className="field__error">{itemError(i, 'voteOptions')}</span> : null}
              </label>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite">{announcement}</p>
      <div className="agenda-editor__footer">
        <button type="button" className="button" onClick={add}>Add item</button>
        <span className="agenda-editor__spacer" />
        {dirty ? <span className="unsaved" role="status">Unsaved changes</span> : null}
        <button type="button" className="button" disabled={!dirty || busy} onClick={() => { setRows(saved); setErrors({}); }}>Discard</button>
        <button type="submit" className="button button--primary" disabled={!dirty || busy}>Save agenda</button>
      </div>
    </form>
  );
}

/** What the session recorded for an item: when it started, how long it ran, when it ended. */
function ActualTimes({ item, now }: { item: AgendaItem | undefined; now: string }) {
  if (!item?.startedAt) return null;
  const minutes = Math.round(itemElapsedSeconds(item, now) / 60);
  const hhmm = (iso: string) => format(parseISO(iso), 'HH:mm');
  return (
    <p className={`agenda-row__actual${minutes > item.plannedMinutes ? ' ws-over' : ''}`}>
      Started {hhmm(item.startedAt)} · ran {minutes} of {item.plannedMinutes} min{item.runningSince ? ' (running)' : item.endedAt ? ` · ended ${hhmm(item.endedAt)}` : ''}
    </p>
  );
}

function AgendaInput({ label, field, value, error, onChange, className, suffix }: {
  label: string; field: string; value: string; error?: string; onChange(v: string): void; className: string; suffix?: string;
}) {
  const errorId = `${label.replace(/\W+/g, '-')}-error`;
  return (
    <label className={`agenda-cell ${className}`}>
      <span className="visually-hidden">{label}</span>
      <span className={suffix ? 'input-suffix' : undefined}>
        <input className="input" data-field={field} value={value} inputMode={suffix ? 'numeric' : undefined}
          aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} onChange={(e) => onChange(e.target.value)} />
        {suffix ? <span aria-hidden="true">{suffix}</span> : null}
      </span>
      {error ? <span id={errorId} className="field__error"><span aria-hidden="true">⚠ </span>{error}</span> : null}
    </label>
  );
}

