// Contracts (dates with notice periods) and commitments (promises a migration must keep), each linked to workloads.
import { useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useInventory } from '../../stores/inventory.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { AddClientFirst, EmptyOr } from '../../components/EmptyState.tsx';
import { RowActions, TableCard } from '../../components/DataTable.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { commitmentKindLabel, partyLabel, plural } from '../../labels.ts';
import { notifyUndoable } from '../../stores/ui.ts';
import type { Commitment, Contract } from '../../../shared/domain/types.ts';
import { CommitmentDialog, formatThreshold } from './CommitmentDialog.tsx';
import { ContractDialog } from './ContractDialog.tsx';

const COMMITMENT_COLUMNS = [
  { label: 'Customer' }, { label: 'Client' }, { label: 'Kind' }, { label: 'Threshold' }, { label: 'Due' }, { label: 'Notice', num: true }, { label: 'Workloads' },
];
const CONTRACT_COLUMNS = [
  { label: 'Name' }, { label: 'Type' }, { label: 'Client' }, { label: 'Counterparty' }, { label: 'Renewal' }, { label: 'Notice', num: true }, { label: 'Workloads' },
];

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
    if (r.ok) notifyUndoable(`Deleted the ${deleting.kind}.`);
    setDeleting(null);
  }

  if (clients.length === 0) {
    return (
      <div className="page">
        <PageHeader title="Contracts & commitments" />
        <AddClientFirst>
          <p>Contracts and commitments belong to a client and are linked to its workloads.</p>
        </AddClientFirst>
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

      <AgreementSection id="commitments-title" title="Commitments" empty={commitments.length === 0} add={addCommitment}
        emptyTitle="No commitments yet"
        hint={<p>Record each promise made to a customer — accuracy ≥ 0.95, p95 latency ≤ 800 ms, data stays in the EU — and link the workloads it covers.</p>}
      >
        <TableCard caption="Commitments" columns={COMMITMENT_COLUMNS}>
          {commitments.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="cell-strong">{c.customer}</th>
              <td>{clientName.get(c.clientId) ?? '—'}</td>
              <td className="nowrap">{commitmentKindLabel[c.kind]}</td>
              <td className="nowrap">{formatThreshold(c) ?? (c.description || '—')}</td>
              <td className="nowrap">{c.dueDate ?? '—'}</td>
              <td className="num nowrap">{plural(c.noticeDays, 'day')}</td>
              <td className="cell-truncate">{names(c.workloadIds)}</td>
              <RowActions
                what={`commitment to ${c.customer}`}
                onEdit={() => setEditCommitment({ mode: 'edit', item: c })}
                onDelete={() => setDeleting({ kind: 'commitment', item: c })}
              />
            </tr>
          ))}
        </TableCard>
      </AgreementSection>

      <AgreementSection id="contracts-title" title="Contracts" empty={contracts.length === 0} add={addContract}
        emptyTitle="No contracts yet"
        hint={<p>Add vendor and client contracts with a renewal date and notice period, so the plan ends before you must give notice.</p>}
      >
        <TableCard caption="Contracts" columns={CONTRACT_COLUMNS}>
          {contracts.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="cell-strong">{c.name}</th>
              <td className="nowrap">{partyLabel[c.party]}</td>
              <td>{c.clientId === null ? <span className="muted">All clients</span> : clientName.get(c.clientId) ?? '—'}</td>
              <td>{c.counterparty || '—'}</td>
              <td className="nowrap">{c.renewalDate ?? '—'}</td>
              <td className="num nowrap">{plural(c.noticeDays, 'day')}</td>
              <td className="cell-truncate">{names(c.workloadIds)}</td>
              <RowActions what={c.name} onEdit={() => setEditContract({ mode: 'edit', item: c })} onDelete={() => setDeleting({ kind: 'contract', item: c })} />
            </tr>
          ))}
        </TableCard>
      </AgreementSection>

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

/** Commitments or contracts: a titled section whose Add button sits in its header once there is something listed. */
function AgreementSection({ id, title, empty, add, emptyTitle, hint, children }: {
  id: string; title: string; empty: boolean; add: ReactNode; emptyTitle: string; hint: ReactNode; children: ReactNode;
}) {
  return (
    <section className="section" aria-labelledby={id}>
      <div className="section__header">
        <h2 id={id} className="section-title">{title}</h2>
        {empty ? null : add}
      </div>
      <EmptyOr empty={empty} title={emptyTitle} action={add} hint={hint}>{children}</EmptyOr>
    </section>
  );
}
