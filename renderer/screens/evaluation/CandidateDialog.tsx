// Adds or edits a candidate: name, approach, where it runs, how fast policy changes reach answers, explainability.
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { CheckboxField, FormError, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { focusFirstError, numberText, parseNumber, useFieldErrors, validate } from '../../forms.ts';
import type { FieldErrors } from '../../forms.ts';
import { invoke } from '../../ipc.ts';
import { candidateInput } from '../../../shared/ipc/evaluation.ts';
import { APPROACHES } from '../../../shared/domain/types.ts';
import type { Approach, Candidate } from '../../../shared/domain/types.ts';
import { approachLabel } from '../../labels.ts';
import { notifyInfo } from '../../stores/ui.ts';
import { afterWorkloadChange } from './afterChange.ts';

const approachOptions = APPROACHES.map((a) => ({ value: a, label: approachLabel[a] }));
const explainabilityOptions = [
  { value: '', label: 'Not rated' },
  { value: '1', label: '1 — opaque' },
  { value: '2', label: '2' },
  { value: '3', label: '3 — partly traceable' },
  { value: '4', label: '4' },
  { value: '5', label: '5 — every answer traceable' },
];

interface Draft {
  name: string;
  approach: Approach;
  selfHostable: boolean;
  dataRegion: string;
  policyUpdateHours: string;
  explainability: string;
  notes: string;
}

const toDraft = (c: Candidate | null): Draft => ({
  name: c?.name ?? '',
  approach: c?.approach ?? 'rag',
  selfHostable: c?.selfHostable ?? false,
  dataRegion: c?.dataRegion ?? '',
  policyUpdateHours: numberText(c?.policyUpdateHours),
  explainability: c?.explainability ? String(c.explainability) : '',
  notes: c?.notes ?? '',
});

export function CandidateDialog({ workloadId, candidate, open, onClose, onSaved, onDelete }: {
  workloadId: number; candidate: Candidate | null; open: boolean; onClose(): void; onSaved(): void;
  /** Offered for an existing candidate; asks for confirmation elsewhere. */
  onDelete?(): void;
}) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(candidate));
  const [busy, setBusy] = useState(false);
  const { errors, setErrors, fromError } = useFieldErrors();
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const local: FieldErrors = {};
    const payload = {
      workloadId,
      name: draft.name,
      approach: draft.approach,
      selfHostable: draft.selfHostable,
      dataRegion: draft.dataRegion.trim() || null,
      policyUpdateHours: parseNumber(draft.policyUpdateHours, 'policyUpdateHours', local),
      explainability: draft.explainability ? Number(draft.explainability) : null,
      notes: draft.notes,
    };
    if (!validate(candidateInput, payload, local)) {
      setErrors(local);
      return focusFirstError(form);
    }
    setErrors({});
    setBusy(true);
    const r = candidate ? await invoke('candidates.update', { ...payload, id: candidate.id }) : await invoke('candidates.create', payload);
    setBusy(false);
    if (!r.ok) {
      fromError(r.error);
      return focusFirstError(form);
    }
    await afterWorkloadChange();
    notifyInfo(`Saved candidate ${r.value.name}.`);
    onSaved();
  }

  const title = candidate ? `Edit ${candidate.name}` : 'Add candidate';
  return (
    <Dialog open={open} title={title} onClose={onClose} wide>
      <form id="candidate-form" className="form" onSubmit={(e) => void save(e)} noValidate>
        <FormError message={errors._form} />
        <div className="form-grid">
          <TextField label="Name" value={draft.name} onChange={set('name')} error={errors.name} hint="e.g. “RAG + small hosted model”" />
          <SelectField label="Approach" value={draft.approach} onChange={set('approach')} options={approachOptions} error={errors.approach} />
          <TextField label="Data region" value={draft.dataRegion} onChange={set('dataRegion')} error={errors.dataRegion} list="candidate-regions" hint="Where data is processed: EU, US, on_prem…" />
          <CheckboxField label="Self-hostable" checked={draft.selfHostable} onChange={set('selfHostable')} hint="The team can run it on its own infrastructure" />
          <NumberField label="Policy update time" suffix="hours" value={draft.policyUpdateHours} onChange={set('policyUpdateHours')} error={errors.policyUpdateHours} hint="How long a knowledge change takes to reach answers" />
          <SelectField label="Explainability for auditors" value={draft.explainability} onChange={set('explainability')} options={explainabilityOptions} error={errors.explainability} />
        </div>
        <TextAreaField label="Notes" value={draft.notes} onChange={set('notes')} error={errors.notes} rows={2} />
        <datalist id="candidate-regions"><option value="EU" /><option value="US" /><option value="UK" /><option value="on_prem" /></datalist>
        <div className="form__actions">
          {onDelete ? <button type="button" className="button button--danger-ghost candidate-form__delete" onClick={onDelete}>Delete candidate…</button> : null}
          <button type="button" className="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="button button--primary" disabled={busy}>{candidate ? 'Save candidate' : 'Add candidate'}</button>
        </div>
      </form>
    </Dialog>
  );
}
