// Add or edit a commitment; its kind decides what the threshold means (share ≥, p95 ms ≤, or none).
import { useState } from 'react';
import { useInventory } from '../../stores/inventory.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DateField, FormActions, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { numberText, parseNumber, useFormSubmit, validate } from '../../forms.ts';
import type { FieldErrors } from '../../forms.ts';
import { commitmentKindOptions } from '../../labels.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { commitmentInput } from '../../../shared/ipc/inventory.ts';
import type { Commitment, CommitmentKind } from '../../../shared/domain/types.ts';
import { WorkloadPicker } from './WorkloadPicker.tsx';

const THRESHOLD: Record<CommitmentKind, { label: string; hint: string; suffix?: string } | null> = {
  accuracy: { label: 'Minimum accuracy', hint: 'From 0 to 1: accuracy must stay ≥ this (e.g. 0.95)' },
  latency: { label: 'Maximum p95 latency', hint: 'p95 latency must stay ≤ this many milliseconds', suffix: 'ms' },
  availability: { label: 'Minimum availability', hint: 'From 0 to 1 (e.g. 0.999 for 99.9%)' },
  residency: null,
  other: null,
};

export function formatThreshold(c: Pick<Commitment, 'kind' | 'threshold'>): string | null {
  if (c.threshold === null) return null;
  if (c.kind === 'latency') return `≤ ${c.threshold.toLocaleString('en-US')} ms p95`;
  if (c.kind === 'accuracy' || c.kind === 'availability') return `≥ ${c.threshold}`;
  return String(c.threshold);
}

export function CommitmentDialog({ commitment, onClose }: { commitment: Commitment | null; onClose(): void }) {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const workloads = useInventory((s) => s.workloads);
  const mutate = useInventory((s) => s.mutate);
  const [clientId, setClientId] = useState(String(commitment?.clientId ?? clientFilter ?? (clients.length === 1 ? clients[0].id : '')));
  const [customer, setCustomer] = useState(commitment?.customer ?? '');
  const [kind, setKind] = useState<CommitmentKind>(commitment?.kind ?? 'accuracy');
  const [threshold, setThreshold] = useState(numberText(commitment?.threshold));
  const [description, setDescription] = useState(commitment?.description ?? '');
  const [dueDate, setDueDate] = useState(commitment?.dueDate ?? '');
  const [noticeDays, setNoticeDays] = useState(numberText(commitment?.noticeDays ?? 0));
  const [penalty, setPenalty] = useState(commitment?.penalty ?? '');
  const [workloadIds, setWorkloadIds] = useState<number[]>(commitment?.workloadIds ?? []);
  const { errors, busy, submit } = useFormSubmit();
  const clientWorkloads = workloads.filter((w) => String(w.clientId) === clientId);
  const thresholdSpec = THRESHOLD[kind];

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const payload = {
      clientId: clientId ? Number(clientId) : 0,
      customer,
      kind,
      threshold: thresholdSpec ? parseNumber(threshold, 'threshold', local) : null,
      description,
      dueDate: dueDate || null,
      noticeDays: parseNumber(noticeDays, 'noticeDays', local) ?? 0,
      penalty: penalty.trim() === '' ? null : penalty.trim(),
      // Only links to this client's workloads: switching client drops the others.
      workloadIds: workloadIds.filter((id) => clientWorkloads.some((w) => w.id === id)),
    };
    if (!clientId) local.clientId = 'Choose the client that made this promise';
    const checked = validate(commitmentInput, payload, local) ? payload : null;
    const saved = await submit(e.currentTarget, local, checked, (p) => (commitment
      ? mutate('commitments.update', { ...p, id: commitment.id }, ['commitments'])
      : mutate('commitments.create', p, ['commitments'])));
    if (!saved) return;
    notifyInfo(commitment ? 'Saved the commitment.' : `Added the commitment to ${payload.customer}.`);
    onClose();
  }

  return (
    <Dialog open wide title={commitment ? `Edit commitment to ${commitment.customer}` : 'Add commitment'} onClose={onClose}>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <div className="form-grid">
          <SelectField
            label="Client" value={clientId} onChange={setClientId} error={errors.clientId}
            options={[...(clientId ? [] : [{ value: '', label: 'Choose a client…' }]), ...clients.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
          <TextField label="Customer" value={customer} onChange={setCustomer} error={errors.customer} hint="Who the promise is made to" />
          <SelectField<CommitmentKind> label="Kind" value={kind} onChange={setKind} options={commitmentKindOptions} error={errors.kind} />
          {thresholdSpec ? (
            <NumberField label={thresholdSpec.label} suffix={thresholdSpec.suffix} value={threshold} onChange={setThreshold} error={errors.threshold} hint={thresholdSpec.hint} />
          ) : (
            <TextField
              label={kind === 'residency' ? 'Region required' : 'What is promised'}
              value={description} onChange={setDescription} error={errors.description}
              hint={kind === 'residency' ? 'e.g. EU, or on_prem when data may not leave the client' : undefined}
            />
          )}
          <DateField label="Due date" value={dueDate} onChange={setDueDate} error={errors.dueDate} hint="Renewal or delivery date" />
          <NumberField label="Notice period" integer suffix="days" value={noticeDays} onChange={setNoticeDays} error={errors.noticeDays} />
          <TextField label="Penalty" value={penalty} onChange={setPenalty} error={errors.penalty} hint="Optional, e.g. “5% service credit”" />
        </div>
        {thresholdSpec ? <TextAreaField label="Description" value={description} onChange={setDescription} error={errors.description} rows={2} /> : null}
        <WorkloadPicker
          legend="Workloads this commitment covers"
          workloads={clientWorkloads}
          selected={workloadIds}
          onChange={setWorkloadIds}
          error={errors.workloadIds}
          emptyText={clientId ? 'This client has no workloads yet. Add them under Workloads, then link them here.' : 'Choose a client to see its workloads.'}
        />
        <FormActions error={errors._form} busy={busy} submitLabel={commitment ? 'Save commitment' : 'Add commitment'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
