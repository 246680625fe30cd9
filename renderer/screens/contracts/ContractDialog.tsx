// Add or edit a vendor or client contract: renewal date, notice period and the workloads it covers.
import { useState } from 'react';
import { useInventory } from '../../stores/inventory.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { DateField, FormActions, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { numberText, parseNumber, useFormSubmit, validate } from '../../forms.ts';
import type { FieldErrors } from '../../forms.ts';
import { partyOptions } from '../../labels.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { contractInput } from '../../../shared/ipc/inventory.ts';
import type { Contract, ContractParty } from '../../../shared/domain/types.ts';
import { WorkloadPicker } from './WorkloadPicker.tsx';

export function ContractDialog({ contract, onClose }: { contract: Contract | null; onClose(): void }) {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const workloads = useInventory((s) => s.workloads);
  const mutate = useInventory((s) => s.mutate);
  const [clientId, setClientId] = useState(contract ? String(contract.clientId ?? '') : String(clientFilter ?? ''));
  const [name, setName] = useState(contract?.name ?? '');
  const [party, setParty] = useState<ContractParty>(contract?.party ?? 'client');
  const [counterparty, setCounterparty] = useState(contract?.counterparty ?? '');
  const [renewalDate, setRenewalDate] = useState(contract?.renewalDate ?? '');
  const [noticeDays, setNoticeDays] = useState(numberText(contract?.noticeDays ?? 0));
  const [notes, setNotes] = useState(contract?.notes ?? '');
  const [workloadIds, setWorkloadIds] = useState<number[]>(contract?.workloadIds ?? []);
  const { errors, busy, submit } = useFormSubmit();
  const eligible = clientId ? workloads.filter((w) => String(w.clientId) === clientId) : workloads;

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const payload = {
      clientId: clientId ? Number(clientId) : null,
      name,
      party,
      counterparty: counterparty.trim(),
      renewalDate: renewalDate || null,
      noticeDays: parseNumber(noticeDays, 'noticeDays', local) ?? 0,
      notes,
      workloadIds: workloadIds.filter((id) => eligible.some((w) => w.id === id)),
    };
    const checked = validate(contractInput, payload, local) ? payload : null;
    const saved = await submit(e.currentTarget, local, checked, (p) => (contract
      ? mutate('contracts.update', { ...p, id: contract.id }, ['contracts'])
      : mutate('contracts.create', p, ['contracts'])));
    if (!saved) return;
    notifyInfo(contract ? `Saved ${payload.name}.` : `Added ${payload.name}.`);
    onClose();
  }

  return (
    <Dialog open wide title={contract ? `Edit ${contract.name}` : 'Add contract'} onClose={onClose}>
      <form className="form" onSubmit={(e) => void save(e)} noValidate>
        <div className="form-grid">
          <TextField label="Name" value={name} onChange={setName} error={errors.name} hint="e.g. “Hosted AI platform agreement”" />
          <SelectField<ContractParty> label="Type" value={party} onChange={setParty} options={partyOptions} error={errors.party} />
          <SelectField
            label="Client" value={clientId} onChange={setClientId} error={errors.clientId}
            options={[{ value: '', label: 'All clients (vendor-wide)' }, ...clients.map((c) => ({ value: String(c.id), label: c.name }))]}
          />
          <TextField label="Counterparty" value={counterparty} onChange={setCounterparty} error={errors.counterparty} hint="The vendor or the client's legal entity" />
          <DateField label="Renewal date" value={renewalDate} onChange={setRenewalDate} error={errors.renewalDate} hint="Renewal or end date" />
          <NumberField label="Notice period" integer suffix="days" value={noticeDays} onChange={setNoticeDays} error={errors.noticeDays} />
        </div>
        <TextAreaField label="Notes" value={notes} onChange={setNotes} error={errors.notes} rows={2} />
        <WorkloadPicker
          legend="Workloads this contract covers"
          workloads={eligible}
          selected={workloadIds}
          onChange={setWorkloadIds}
          error={errors.workloadIds}
          emptyText="No workloads to link yet. Add them under Workloads."
        />
        <FormActions error={errors._form} busy={busy} submitLabel={contract ? 'Save contract' : 'Add contract'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
