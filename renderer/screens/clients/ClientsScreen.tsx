// Clients: the organisations being migrated. List, add, rename, notes, delete (with what goes with it).
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useInventory } from '../../stores/inventory.ts';
import { ListPage } from '../../components/PageHeader.tsx';
import { RowActions, TableCard } from '../../components/DataTable.tsx';
import { ConfirmDialog, Dialog } from '../../components/Dialog.tsx';
import { FormActions, TextAreaField, TextField } from '../../components/fields.tsx';
import { useFormSubmit, validate } from '../../forms.ts';
import type { FieldErrors } from '../../forms.ts';
import { plural } from '../../labels.ts';
import { notifyInfo, notifyUndoable } from '../../stores/ui.ts';
import { channels } from '../../../shared/ipc/index.ts';
import type { Client } from '../../../shared/domain/types.ts';

/** The main process's own schema for a client, so the form says exactly what the handler would. */
const clientForm = channels['clients.create'].payload;

const CLIENT_COLUMNS = [{ label: 'Name' }, { label: 'Workloads', num: true }, { label: 'Commitments', num: true }, { label: 'Contracts', num: true }, { label: 'Notes' }];

type Editing = { mode: 'create' } | { mode: 'edit'; client: Client } | null;

export function ClientsScreen() {
  const clients = useInventory((s) => s.clients);
  const workloads = useInventory((s) => s.workloads);
  const commitments = useInventory((s) => s.commitments);
  const contracts = useInventory((s) => s.contracts);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Client | null>(null);

  const counts = useMemo(() => {
    const m = new Map<number, { workloads: number; commitments: number; contracts: number }>();
    const get = (id: number) => m.get(id) ?? m.set(id, { workloads: 0, commitments: 0, contracts: 0 }).get(id)!;
    for (const w of workloads) get(w.clientId).workloads++;
    for (const c of commitments) get(c.clientId).commitments++;
    for (const c of contracts) if (c.clientId !== null) get(c.clientId).contracts++;
    return m;
  }, [workloads, commitments, contracts]);

  const addButton = (
    <button type="button" className="button button--primary" onClick={() => setEditing({ mode: 'create' })}>Add client</button>
  );

  return (
    <div className="page">
      <ListPage
        title="Clients" description="The organisations you are migrating. One workspace can hold many."
        empty={clients.length === 0} add={addButton}
        emptyTitle="No clients yet — add the first organisation you're migrating"
        emptyHint={<p>Then list its workloads: each product, workflow or feature that depends on a fine-tuned model.</p>}
      >
        <TableCard caption="Clients" columns={CLIENT_COLUMNS}>
          {clients.map((c) => {
            const n = counts.get(c.id);
            return (
              <tr key={c.id}>
                <th scope="row" className="cell-strong">{c.name}</th>
                <td className="num">
                  <Link href="/workloads" onClick={() => useInventory.getState().setClientFilter(c.id)} className="link">
                    {n?.workloads ?? 0}<span className="visually-hidden"> workloads of {c.name}</span>
                  </Link>
                </td>
                <td className="num">{n?.commitments ?? 0}</td>
                <td className="num">{n?.contracts ?? 0}</td>
                <td className="cell-muted cell-truncate">{c.notes || '—'}</td>
                <RowActions what={c.name} onEdit={() => setEditing({ mode: 'edit', client: c })} onDelete={() => setDeleting(c)} />
              </tr>
            );
          })}
        </TableCard>
      </ListPage>

      {editing ? <ClientDialog editing={editing} onClose={() => setEditing(null)} /> : null}
      <DeleteClientDialog client={deleting} counts={deleting ? counts.get(deleting.id) : undefined} onClose={() => setDeleting(null)} />
    </div>
  );
}

function ClientDialog({ editing, onClose }: { editing: NonNullable<Editing>; onClose(): void }) {
  const initial = editing.mode === 'edit' ? editing.client : null;
  const [name, setName] = useState(initial?.name ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const { errors, busy, submit } = useFormSubmit();
  const mutate = useInventory((s) => s.mutate);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const data = validate(clientForm, { name, notes }, local);
    const saved = await submit(e.currentTarget, local, data, (d) => (initial
      ? mutate('clients.update', { id: initial.id, ...d }, ['clients'])
      : mutate('clients.create', d, ['clients'])));
    if (!saved || !data) return;
    notifyInfo(initial ? `Saved ${data.name}.` : `Added ${data.name}.`);
    onClose();
  }

  return (
    <Dialog open title={initial ? `Edit ${initial.name}` : 'Add client'} onClose={onClose}>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <TextField label="Name" value={name} onChange={setName} error={errors.name} hint="The organisation, e.g. “Northwind Health”." />
        <TextAreaField label="Notes" value={notes} onChange={setNotes} error={errors.notes} rows={4} />
        <FormActions error={errors._form} busy={busy} submitLabel={initial ? 'Save client' : 'Add client'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function DeleteClientDialog({ client, counts, onClose }: {
  client: Client | null; counts?: { workloads: number; commitments: number; contracts: number }; onClose(): void;
}) {
  const mutate = useInventory((s) => s.mutate);
  const [busy, setBusy] = useState(false);
  async function confirm() {
    if (!client) return;
    setBusy(true);
    const r = await mutate('clients.delete', { id: client.id }, ['clients', 'workloads', 'contracts', 'commitments']);
    setBusy(false);
    if (r.ok) {
      notifyUndoable(`Deleted client ${client.name}.`);
      onClose();
    }
  }
  return (
    <ConfirmDialog
      open={client !== null}
      title={`Delete ${client?.name ?? 'client'}?`}
      confirmLabel="Delete client"
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <p>This deletes the client <strong>{client?.name}</strong> and everything recorded for it:</p>
      <ul className="bullet-list">
        <li>{plural(counts?.workloads ?? 0, 'workload')} (with their job profiles and evaluations)</li>
        <li>{plural(counts?.commitments ?? 0, 'commitment')}</li>
      </ul>
      <p className="muted">You can undo this right after with Undo.</p>
    </ConfirmDialog>
  );
}
