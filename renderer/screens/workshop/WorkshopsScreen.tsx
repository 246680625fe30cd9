// Workshops: the facilitated sessions per client. List, create (blank or from the triage template), edit, duplicate, delete.
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ListPage, PageHeader } from '../../components/PageHeader.tsx';
import { AddClientFirst } from '../../components/EmptyState.tsx';
import { TableCard } from '../../components/DataTable.tsx';
import { ConfirmDialog, Dialog } from '../../components/Dialog.tsx';
import { DateField, FormActions, SelectField, TextField } from '../../components/fields.tsx';
import { useFormSubmit, validate, type FieldErrors } from '../../forms.ts';
import { useInventory } from '../../stores/inventory.ts';
import { useWorkspace } from '../../stores/workspace.ts';
import { useWorkshop } from '../../stores/workshop.ts';
import { notifyInfo, notifyUndoable } from '../../stores/ui.ts';
import { plural } from '../../labels.ts';
import { channels } from '../../../shared/ipc/index.ts';
import { TEMPLATE_MAX_CLASSIFY, TEMPLATE_MINUTES, type WorkshopSummary, type Workshop } from '../../../shared/workshop/types.ts';
import { WorkshopDialog } from './WorkshopDialog.tsx';
import { StatusTag } from './StatusTag.tsx';
import { isoDay } from './clock.ts';
import './workshop.css';

const COLUMNS = [
  { label: 'Workshop' }, { label: 'Client' }, { label: 'Date' }, { label: 'Status' },
  { label: 'Agenda', num: true }, { label: 'Participants', num: true }, { label: 'Decisions', num: true }, { label: 'Actions', num: true },
];

/** Keeps the list (and an open workshop) current after any change, undo and redo included. */
export function useWorkshopsRefresh(): void {
  const info = useWorkspace((s) => s.info);
  useEffect(() => {
    if (info) void useWorkshop.getState().loadList();
  }, [info]);
}

export function WorkshopsScreen() {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const summaries = useWorkshop((s) => s.summaries);
  const loaded = useWorkshop((s) => s.listLoaded);
  const mutate = useWorkshop((s) => s.mutate);
  const today = isoDay(useWorkshop.getState().now());
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState<Workshop | 'new' | null>(null);
  const [templating, setTemplating] = useState(false);
  const [deleting, setDeleting] = useState<WorkshopSummary | null>(null);
  useWorkshopsRefresh();

  const rows = useMemo(() => summaries.filter((s) => clientFilter === null || s.workshop.clientId === clientFilter), [summaries, clientFilter]);

  async function duplicate(s: WorkshopSummary) {
    const r = await mutate('workshops.duplicate', { id: s.workshop.id });
    if (r.ok) notifyUndoable(`Duplicated ${s.workshop.title} as ${r.value.workshop.title}.`);
  }

  if (clients.length === 0) {
    return (
      <div className="page">
        <PageHeader title="Workshops" description="Run a migration triage with a client's team around one screen." />
        <AddClientFirst><p>A workshop is held with one client: add the client and its workloads first.</p></AddClientFirst>
      </div>
    );
  }

  const add = (
    <div className="button-group">
      <button type="button" className="button" onClick={() => setTemplating(true)}>New from template…</button>
      <button type="button" className="button button--primary" onClick={() => setEditing('new')}>New workshop</button>
    </div>
  );

  return (
    <div className="page ws-page">
      <ListPage
        title="Workshops" description="Plan an agenda, keep time, capture answers, vote on priorities and print the minutes."
        empty={loaded && rows.length === 0} add={add}
        emptyTitle={clientFilter === null ? 'No workshops yet' : 'No workshops for this client yet'}
        emptyHint={<p>Start from the {TEMPLATE_MINUTES}-minute triage template: it classifies the client's workloads with the least slack first, votes on priorities and reviews the plan.</p>}
      >
        <TableCard caption="Workshops" columns={COLUMNS}>
          {rows.map((s) => {
            const w = s.workshop;
            const over = s.agendaMinutes > w.plannedMinutes;
            return (
              <tr key={w.id}>
                <th scope="row" className="cell-strong"><Link href={`/workshops/${w.id}`} className="link">{w.title}</Link></th>
                <td>{s.clientName}</td>
                <td className="nowrap">{w.date} <span className="muted">{w.startTime}</span></td>
                <td className="nowrap">
                  <StatusTag status={w.status} />
                  {w.status === 'running' ? (
                    <Link href={`/present/${w.id}`} className="link ws-resume">Resume<span className="visually-hidden"> {w.title}</span></Link>
                  ) : null}
                </td>
                <td className={`num ws-nowrap${over ? ' ws-over' : ''}`}>
                  {s.agendaMinutes} / {w.plannedMinutes} min{over ? <span className="visually-hidden"> (longer than planned)</span> : null}
                </td>
                <td className="num">{w.participants.length}</td>
                <td className="num">{s.decisions}</td>
                <td className="num">{s.actions}</td>
                <td className="cell-actions">
                  <button type="button" className="button button--small" onClick={() => setEditing(w)}>Edit<span className="visually-hidden"> {w.title}</span></button>
                  <button type="button" className="button button--small" onClick={() => void duplicate(s)}>Duplicate<span className="visually-hidden"> {w.title}</span></button>
                  <button type="button" className="button button--small button--danger-ghost" onClick={() => setDeleting(s)}>Delete<span className="visually-hidden"> {w.title}</span></button>
                </td>
              </tr>
            );
          })}
        </TableCard>
      </ListPage>

      {editing ? (
        <WorkshopDialog workshop={editing === 'new' ? null : editing} today={today} onClose={() => setEditing(null)}
          onSaved={(w) => { if (editing === 'new') navigate(`/workshops/${w.id}`); }} />
      ) : null}
      {templating ? <TemplateDialog today={today} onClose={() => setTemplating(false)} onCreated={(id) => navigate(`/workshops/${id}`)} /> : null}
      <DeleteWorkshopDialog summary={deleting} onClose={() => setDeleting(null)} />
    </div>
  );
}

const templateForm = channels['workshops.createFromTemplate'].payload;

function TemplateDialog({ today, onClose, onCreated }: { today: string; onClose(): void; onCreated(id: number): void }) {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const mutate = useWorkshop((s) => s.mutate);
  const [clientId, setClientId] = useState(String(clientFilter ?? clients[0]?.id ?? ''));
  const [date, setDate] = useState(today);
  const [startTime, setStartTime] = useState('09:30');
  const [title, setTitle] = useState('');
  const { errors, busy, submit } = useFormSubmit();

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const data = validate(templateForm, { clientId: Number(clientId), date, startTime, title: title.trim() || undefined, today }, local);
    const saved = await submit(e.currentTarget, local, data, (d) => mutate('workshops.createFromTemplate', d));
    if (!saved) return;
    notifyInfo(`Created ${saved.value.workshop.title} with ${plural(saved.value.agenda.length, 'agenda item')}.`);
    onClose();
    onCreated(saved.value.workshop.id);
  }

  return (
    <Dialog open title="New workshop from the triage template" onClose={onClose}>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <p className="muted">
          A {TEMPLATE_MINUTES}-minute agenda built from the client's workloads: an intro, one classify item per workload
          (least slack first, at most {TEMPLATE_MAX_CLASSIFY}), a priority vote, the plan review, decisions and actions.
        </p>
        <SelectField label="Client" value={clientId} onChange={setClientId} error={errors.clientId}
          options={clients.map((c) => ({ value: String(c.id), label: c.name }))} />
        <div className="form-grid">
          <DateField label="Date" value={date} onChange={setDate} error={errors.date} />
          <TextField label="Start time" value={startTime} onChange={setStartTime} error={errors.startTime} hint="HH:mm, local time" />
        </div>
        <TextField label="Title (optional)" value={title} onChange={setTitle} error={errors.title} placeholder="Migration triage" />
        <FormActions error={errors._form} busy={busy} submitLabel="Create from template" onCancel={onClose} />
      </form>
    </Dialog>
  );
}

export function DeleteWorkshopDialog({ summary, onClose, onDeleted }: { summary: WorkshopSummary | null; onClose(): void; onDeleted?(): void }) {
  const mutate = useWorkshop((s) => s.mutate);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    if (!summary) return;
    setBusy(true);
    const r = await mutate('workshops.delete', { id: summary.workshop.id }, { detail: false });
    setBusy(false);
    if (r.ok) {
      notifyUndoable(`Deleted workshop ${summary.workshop.title}.`);
      onClose();
      onDeleted?.();
    }
  }
  return (
    <ConfirmDialog open={summary !== null} title={`Delete ${summary?.workshop.title ?? 'workshop'}?`} confirmLabel="Delete workshop"
      busy={busy} onConfirm={() => void confirm()} onCancel={onClose}>
      <p>This deletes the workshop <strong>{summary?.workshop.title}</strong> with everything captured in it:</p>
      <ul className="bullet-list">
        <li>{plural(summary?.items ?? 0, 'agenda item')}</li>
        <li>{plural(summary?.decisions ?? 0, 'decision')} and {plural(summary?.actions ?? 0, 'action')}</li>
        <li>its notes and votes</li>
      </ul>
      <p className="muted">Answers already saved as job profiles stay. You can undo this right after with Undo.</p>
    </ConfirmDialog>
  );
}
