// Picks one workload (of the header's client when one is chosen), labelled for screen readers and tests.
import { SelectField } from '../../components/fields.tsx';
import { selectClientById, useInventory } from '../../stores/inventory.ts';

export function WorkloadSelect({ value, onChange, label = 'Workload', hint }: {
  value: number | null; onChange(id: number | null): void; label?: string; hint?: string;
}) {
  const workloads = useInventory((s) => s.workloads);
  const clientFilter = useInventory((s) => s.clientFilter);
  const clients = useInventory(selectClientById);
  const shown = workloads.filter((w) => clientFilter === null || w.clientId === clientFilter || w.id === value);
  const options = [
    { value: '', label: shown.length ? 'Choose a workload…' : 'No workloads yet' },
    ...shown.map((w) => ({ value: String(w.id), label: clients.size > 1 ? `${w.name} (${clients.get(w.clientId)?.name ?? 'no client'})` : w.name })),
  ];
  return (
    <SelectField label={label} hint={hint} value={value === null ? '' : String(value)} onChange={(v) => onChange(v ? Number(v) : null)} options={options} />
  );
}
