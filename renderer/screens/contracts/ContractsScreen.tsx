// Contracts (dates with notice periods) and commitments (promises a migration must keep), each linked to workloads.
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useInventory } from '../../stores/inventory.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { commitmentKindLabel, partyLabel, plural } from '../../labels.ts';
import { notifyInfo } from '../../stores/ui.ts';
import type { Commitment, Contract } from '../../../shared/domain/types.ts';
import { CommitmentDialog, formatThreshold } from './CommitmentDialog.tsx';
import { ContractDialog } from './ContractDialog.tsx';

type Editing<T> = { mode: 'create' } | { mode: 'edit'; item: T } | null;

export function ContractsScreen() {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const allContracts = useInventory((s) => s.contracts);
  const allCommitments = useInventory((s) => s.commitments);
  const workloads = useInventory((s) => s.workloads);
  const mutate = useInventory((s) => s.mutate);
  const [editContract, setEditContract] = useState<Editing<Contract>>(null);
  const [editCommitment, setEditCommitment] = useState<Editing<Commitment>>(null);
  const [deleting, setDeleting] = useState<{ kind: 'contract'; item: Contract } | { kind: 'commitment'; item: Commitment } | null>(null);

  const clientName = useMemo(() => new Map(clients.map((c) => [c.id, c.name])), [clients]);
  const workloadName = useMemo(() => new Map(workloads.map((w) => [w.id, w.name])), [workloads]);
  const contracts = clientFilter === null ? allContracts : allContracts.filter((c) => c.clientId === clientFilter || c.clientId === null);
  const commitments = clientFilter === null ? allCommitments : allCommitments.filter((c) => c.clientId === clientFilter);

  const names = (ids: number[]) => {
    if (ids.length === 0) return <span className="muted">None linked</span>;
    const list = ids.map((id) => workloadName.get(id) ?? `#${id}`);
    return list.length > 3 ? `${list.slice(0, 3).join(', ')} +${list.length - 3} more` : list.join(', ');
  };

  async function confirmDelete() {
    if (!deleting) return;
    const r = deleting.kind === 'contract'
      ? await mutate('contracts.delete', { id: deleting.item.id }, ['contracts'])
      : await mutate('commitments.delete', { id: deleting.item.id }, ['commitments']);
    if (r.ok) notifyInfo(`Deleted the ${deleting.kind}. Undo brings it back.`);
    setDeleting(null);
  }

  if (clients.length === 0) {
    return (
      <div className="page">
        <PageHeader title="Contracts & commitments" />
        <EmptyState title="Add a client first" action={<Link href="/clients" className="button button--primary">Go to Clients</Link>}>
          <p>Contracts and commitments belong to a client and are linked to its workloads.</p>
        </EmptyState>
      </div>
    );
  }

  const addCommitment = <button type="button" className="button button--primary" onClick={() => setEditCommitment({ mode: 'create' })}>Add commitment</button>;
  const addContract = <button type="button" className="button" onClick={() => setEditContract({ mode: 'create' })}>Add contract</button>;

  return (
    <div className="page">
      <PageHeader
        title="Contracts & commitments"
        description="Dates and promises a migration must respect. A date before the training deadline, minus its notice period, can move a workload's sunset date earlier."
      />

      <section className="section" aria-labelledby="commitments-title">
        <div className="section__header">
          <h2 id="commitments-title" className="section-title">Commitments</h2>
          {commitments.length ? addCommitment : null}
        </div>
        {commitments.length === 0 ? (
          <EmptyState title="No commitments yet" action={addCommitment}>
            <p>Record each promise made to a customer — accuracy ≥ 0.95, p95 latency ≤ 800 ms, data stays in the EU — and link the workloads it covers.</p>
          </EmptyState>
        ) : (
          <div className="table-card">
            <table className="data-table">
              <caption className="visually-hidden">Commitments</caption>
              <thead>
                <tr>
                  <th scope="col">Customer</th>
                  <th scope="col">Client</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Threshold</th>
                  <th scope="col">Due</th>
                  <th scope="col" className="num">Notice</th>
                  <th scope="col">Workloads</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {commitments.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="cell-strong">{c.customer}</th>
                    <td>{clientName.get(c.clientId) ?? '—'}</td>
                    <td className="nowrap">{commitmentKindLabel[c.kind]}</td>
                    <td className="nowrap">{formatThreshold(c) ?? (c.description || '—')}</td>
                    <td className="nowrap">{c.dueDate ?? '—'}</td>
                    <td className="num nowrap">{plural(c.noticeDays, 'day')}</td>
                    <td className="cell-truncate">{names(c.workloadIds)}</td>
                    <td className="cell-actions">
                      <button type="button" className="button button--small" onClick={() => setEditCommitment({ mode: 'edit', item: c })}>
                        Edit<span className="visually-hidden"> commitment to {c.customer}</span>
                      </button>
                      <button type="button" className="button button--small button--danger-ghost" onClick={() => setDeleting({ kind: 'commitment', item: c })}>
                        Delete<span className="visually-hidden"> commitment to {c.customer}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="section" aria-labelledby="contracts-title">
        <div className="section__header">
          <h2 id="contracts-title" className="section-title">Contracts</h2>
          {contracts.length ? addContract : null}
        </div>
        {contracts.length === 0 ? (
          <EmptyState title="No contracts yet" action={addContract}>
            <p>Add vendor and client contracts with a renewal date and notice period, so the plan ends before you must give notice.</p>
          </EmptyState>
        ) : (
          <div className="table-card">
            <table className="data-table">
              <caption className="visually-hidden">Contracts</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">Client</th>
                  <th scope="col">Counterparty</th>
                  <th scope="col">Renewal</th>
                  <th scope="col" className="num">Notice</th>
                  <th scope="col">Workloads</th>
                  <th scope="col"><span className="visually-hidden">Actions</span></th>
                </tr>
              </thead>
              <tbody>
                {contracts.map((c) => (
                  <tr key={c.id}>
                    <th scope="row" className="cell-strong">{c.name}</th>
                    <td className="nowrap">{partyLabel[c.party]}</td>
                    <td>{c.clientId === null ? <span className="muted">All clients</span> : clientName.get(c.clientId) ?? '—'}</td>
                    <td>{c.counterparty || '—'}</td>
                    <td className="nowrap">{c.renewalDate ?? '—'}</td>
                    <td className="num nowrap">{plural(c.noticeDays, 'day')}</td>
                    <td className="cell-truncate">{names(c.workloadIds)}</td>
                    <td className="cell-actions">
                      <button type="button" className="button button--small" onClick={() => setEditContract({ mode: 'edit', item: c })}>
                        Edit<span className="visually-hidden"> {c.name}</span>
                      </button>
                      <button type="button" className="button button--small button--danger-ghost" onClick={() => setDeleting({ kind: 'contract', item: c })}>
                        Delete<span className="visually-hidden"> {c.name}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {editCommitment ? (
        <CommitmentDialog commitment={editCommitment.mode === 'edit' ? editCommitment.item : null} onClose={() => setEditCommitment(null)} />
      ) : null}
      {editContract ? (
        <ContractDialog contract={editContract.mode === 'edit' ? editContract.item : null} onClose={() => setEditContract(null)} />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting?.kind === 'contract' ? `Delete ${deleting.item.name}?` : `Delete the commitment to ${deleting?.item && 'customer' in deleting.item ? deleting.item.customer : ''}?`}
        confirmLabel={deleting?.kind === 'contract' ? 'Delete contract' : 'Delete commitment'}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          This deletes the {deleting?.kind} and its links to {plural(deleting?.item.workloadIds.length ?? 0, 'workload')}.
          The workloads stay.
        </p>
        <p className="muted">You can undo this right after with Undo.</p>
      </ConfirmDialog>
    </div>
  );
}
