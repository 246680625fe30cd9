// One workload: every field the rules and the scheduler read, validated next to each field; delete with confirmation.
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useInventory } from '../../stores/inventory.ts';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { MissingWorkload } from '../../components/EmptyState.tsx';
import { CheckboxField, DateField, FormError, NumberField, SelectField, TextAreaField, TextField } from '../../components/fields.tsx';
import { numberText, parseNumber, useFormSubmit, validate } from '../../forms.ts';
import type { FieldErrors } from '../../forms.ts';
import { criticalityOptions, deploymentOptions, frequencyOptions, plural, workloadKindOptions } from '../../labels.ts';
import { notifyInfo, notifyUndoable, useUi } from '../../stores/ui.ts';
import { workloadInput } from '../../../shared/ipc/inventory.ts';
import type { Criticality, Deployment, KnowledgeChangeFrequency, Workload, WorkloadKind } from '../../../shared/domain/types.ts';
import { WorkloadTabs } from '../evaluation/WorkloadTabs.tsx';

interface Draft {
  clientId: string;
  name: string;
  kind: WorkloadKind;
  fineTunedModel: string;
  baseModel: string;
  owner: string;
  criticality: Criticality;
  deployment: Deployment;
  residency: ResidencyChoice;
  /** The region when residency is 'region', e.g. "EU". */
  residencyRegion: string;
  regulated: boolean;
  auditTrailRequired: boolean;
  monthlyVolume: string;
  latencyTargetMs: string;
  pairwiseFeedback: string;
  knowledgeChangeFrequency: KnowledgeChangeFrequency;
  baselineAccuracy: string;
  baselineP95Ms: string;
  baselineCostPer1k: string;
  startDate: string;
  retrainCadenceDays: string;
  lastRetrainDate: string;
  notes: string;
}

function toDraft(w: Workload | null, clientId: number | null): Draft {
  return {
    clientId: String(w?.clientId ?? clientId ?? ''),
    name: w?.name ?? '',
    kind: w?.kind ?? 'product',
    fineTunedModel: w?.fineTunedModel ?? '',
    baseModel: w?.baseModel ?? '',
    owner: w?.owner ?? '',
    criticality: w?.criticality ?? 'important',
    deployment: w?.deployment ?? 'cloud',
    residency: residencyChoice(w?.residency ?? null),
    residencyRegion: w?.residency && w.residency !== 'on_prem' ? w.residency : '',
    regulated: w?.regulated ?? false,
    auditTrailRequired: w?.auditTrailRequired ?? false,
    monthlyVolume: numberText(w?.monthlyVolume ?? 0),
    latencyTargetMs: numberText(w?.latencyTargetMs),
    pairwiseFeedback: numberText(w?.pairwiseFeedback ?? 0),
    knowledgeChangeFrequency: w?.knowledgeChangeFrequency ?? 'monthly',
    baselineAccuracy: numberText(w?.baselineAccuracy),
    baselineP95Ms: numberText(w?.baselineP95Ms),
    baselineCostPer1k: numberText(w?.baselineCostPer1k),
    startDate: w?.startDate ?? '',
    retrainCadenceDays: numberText(w?.retrainCadenceDays),
    lastRetrainDate: w?.lastRetrainDate ?? '',
    notes: w?.notes ?? '',
  };
}

type ResidencyChoice = 'none' | 'region' | 'on_prem';

const residencyOptions: { value: ResidencyChoice; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'region', label: 'A region…' },
  { value: 'on_prem', label: "On-prem (data stays in the client's infrastructure)" },
];

function residencyChoice(residency: string | null): ResidencyChoice {
  return residency === null ? 'none' : residency === 'on_prem' ? 'on_prem' : 'region';
}

/** The stored value: null, 'on_prem', or the region as typed; a region named "on-prem" means on-prem. */
function residencyValue(d: Draft, errors: FieldErrors): string | null {
  if (d.residency === 'none') return null;
  if (d.residency === 'on_prem') return 'on_prem';
  const region = d.residencyRegion.trim();
  if (/^on[-_ ]?prem(ise)?s?$/i.test(region)) return 'on_prem';
  if (!region) errors.residency = 'Name the region the data must stay in, e.g. EU';
  return region || null;
}

function toPayload(d: Draft, errors: FieldErrors) {
  return {
    clientId: d.clientId ? Number(d.clientId) : 0,
    name: d.name,
    kind: d.kind,
    fineTunedModel: d.fineTunedModel.trim(),
    baseModel: d.baseModel.trim(),
    owner: d.owner.trim(),
    criticality: d.criticality,
    deployment: d.deployment,
    residency: residencyValue(d, errors),
    regulated: d.regulated,
    auditTrailRequired: d.auditTrailRequired,
    monthlyVolume: parseNumber(d.monthlyVolume, 'monthlyVolume', errors) ?? 0,
    latencyTargetMs: parseNumber(d.latencyTargetMs, 'latencyTargetMs', errors),
    pairwiseFeedback: parseNumber(d.pairwiseFeedback, 'pairwiseFeedback', errors) ?? 0,
    knowledgeChangeFrequency: d.knowledgeChangeFrequency,
    baselineAccuracy: parseNumber(d.baselineAccuracy, 'baselineAccuracy', errors),
    baselineP95Ms: parseNumber(d.baselineP95Ms, 'baselineP95Ms', errors),
    baselineCostPer1k: parseNumber(d.baselineCostPer1k, 'baselineCostPer1k', errors),
    startDate: d.startDate || null,
    retrainCadenceDays: parseNumber(d.retrainCadenceDays, 'retrainCadenceDays', errors),
    lastRetrainDate: d.lastRetrainDate || null,
    notes: d.notes,
  };
}

export function WorkloadDetailScreen({ params }: { params: { id: string } }) {
  const isNew = params.id === 'new';
  const id = isNew ? null : Number(params.id);
  const workload = useInventory((s) => (id === null ? null : s.workloads.find((w) => w.id === id) ?? null));
  const loaded = useInventory((s) => s.loaded);

  if (!isNew && !workload) {
    return (
      <MissingWorkload loaded={loaded}>
        {loaded ? <p>It may have been deleted, or an undo removed it.</p> : null}
      </MissingWorkload>
    );
  }
  // key: a different workload (or an undo that changed it) starts from its saved values.
  return <WorkloadForm key={workload ? `${workload.id}:${workload.updatedAt}` : 'new'} workload={workload} />;
}

function WorkloadForm({ workload }: { workload: Workload | null }) {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const commitments = useInventory((s) => s.commitments);
  const mutate = useInventory((s) => s.mutate);
  const [, navigate] = useLocation();
  const [initial] = useState<Draft>(() => toDraft(workload, clientFilter ?? (clients.length === 1 ? clients[0].id : null)));
  const [draft, setDraft] = useState<Draft>(initial);
  const dirty = workload !== null && JSON.stringify(draft) !== JSON.stringify(initial);
  const setUnsaved = useUi((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved(dirty ? `your changes to ${workload?.name ?? 'this workload'}` : null);
  }, [dirty, workload, setUnsaved]);
  useEffect(() => () => setUnsaved(null), [setUnsaved]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const { errors, setErrors, busy, submit } = useFormSubmit();
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const linkedCommitments = useMemo(
    () => (workload ? commitments.filter((c) => c.workloadIds.includes(workload.id)) : []),
    [commitments, workload],
  );
  const clientOptions = [
    ...(draft.clientId ? [] : [{ value: '', label: 'Choose a client…' }]),
    ...clients.map((c) => ({ value: String(c.id), label: c.name })),
  ];

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const local: FieldErrors = {};
    const payload = toPayload(draft, local);
    if (!draft.clientId) local.clientId = 'Choose the client this workload belongs to';
    const valid = validate(workloadInput, payload, local) !== null;
    if (valid) setErrors({});
    // The handler parses the payload again; send the input shape, not the parsed one.
    const saved = await submit(e.currentTarget, local, valid ? payload : null, (p) => (workload
      ? mutate('workloads.update', { ...p, id: workload.id }, ['workloads'])
      : mutate('workloads.create', p, ['workloads'])));
    if (!saved) return;
    notifyInfo(`Saved ${saved.value.name}.`);
    // A new workload's next step is the questionnaire: open its Decision tab.
    if (!workload) navigate(`/workloads/${saved.value.id}/decision`, { replace: true });
  }

  async function remove() {
    if (!workload) return;
    const r = await mutate('workloads.delete', { id: workload.id }, ['workloads', 'commitments', 'contracts']);
    setConfirmDelete(false);
    if (r.ok) {
      notifyUndoable(`Deleted workload ${workload.name}.`);
      navigate('/workloads');
    }
  }

  const title = workload ? workload.name : 'New workload';
  return (
    <div className="page page--narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/workloads" className="link">Workloads</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{title}</span>
      </nav>
      <form className="form detail-form" onSubmit={(e) => void save(e)} noValidate aria-labelledby="workload-title">
        <div className="page-header">
          <h1 id="workload-title" className="page-header__title">{title}</h1>
          <div className="page-header__actions">
            <span className="unsaved" role="status">{dirty ? 'Unsaved changes' : ''}</span>
            {workload ? (
              <button type="button" className="button button--danger-ghost" onClick={() => setConfirmDelete(true)}>Delete workload</button>
            ) : null}
            <button type="submit" className="button button--primary" disabled={busy}>{workload ? 'Save' : 'Create workload'}</button>
          </div>
        </div>
        {workload ? <WorkloadTabs workloadId={workload.id} current="details" /> : null}
        <FormError message={errors._form} />

        <fieldset className="form-section">
          <legend className="form-section__title">What it is</legend>
          <div className="form-grid">
            <TextField label="Name" value={draft.name} onChange={set('name')} error={errors.name} hint="e.g. “Support reply drafting”" />
            <SelectField label="Client" value={draft.clientId} onChange={set('clientId')} options={clientOptions} error={errors.clientId} />
            <SelectField label="Kind" value={draft.kind} onChange={set('kind')} options={workloadKindOptions} error={errors.kind} />
            <TextField label="Owner" value={draft.owner} onChange={set('owner')} error={errors.owner} hint="Who answers questions about it" />
            <TextField label="Fine-tuned model" value={draft.fineTunedModel} onChange={set('fineTunedModel')} error={errors.fineTunedModel} hint="The model id, e.g. ft:gpt-4o-mini:acme:support:abc123" />
            <TextField label="Base model" value={draft.baseModel} onChange={set('baseModel')} error={errors.baseModel} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__title">Constraints</legend>
          <div className="form-grid">
            <SelectField label="Criticality" value={draft.criticality} onChange={set('criticality')} options={criticalityOptions} error={errors.criticality} />
            <SelectField label="Deployment" value={draft.deployment} onChange={set('deployment')} options={deploymentOptions} error={errors.deployment} />
            <div className="field-pair">
              <SelectField
                label="Data residency" value={draft.residency} onChange={set('residency')} options={residencyOptions}
                error={draft.residency === 'region' ? undefined : errors.residency}
                hint={draft.residency === 'on_prem' ? 'Every generative part must be self-hosted (rule R6).' : 'Where the data must stay, if anywhere.'}
              />
              {draft.residency === 'region' ? (
                <TextField label="Region" value={draft.residencyRegion} onChange={set('residencyRegion')} error={errors.residency} list="residency-regions" hint="e.g. EU, US, UK" />
              ) : null}
            </div>
            <NumberField label="Latency target (p95)" suffix="ms" value={draft.latencyTargetMs} onChange={set('latencyTargetMs')} error={errors.latencyTargetMs} hint="Leave empty if there is none" />
            <CheckboxField label="Regulated" checked={draft.regulated} onChange={set('regulated')} hint="Legal, security and compliance sign-offs are needed" />
            <CheckboxField label="Audit trail required" checked={draft.auditTrailRequired} onChange={set('auditTrailRequired')} />
          </div>
          <datalist id="residency-regions">
            <option value="EU" /><option value="US" /><option value="UK" />
          </datalist>
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__title">Usage and data</legend>
          <div className="form-grid">
            <NumberField label="Monthly volume" integer suffix="tasks" value={draft.monthlyVolume} onChange={set('monthlyVolume')} error={errors.monthlyVolume} />
            <NumberField label="Pairwise feedback" integer suffix="pairs" value={draft.pairwiseFeedback} onChange={set('pairwiseFeedback')} error={errors.pairwiseFeedback} hint="Preference pairs available (500+ enables preference optimization)" />
            <SelectField label="Knowledge changes" value={draft.knowledgeChangeFrequency} onChange={set('knowledgeChangeFrequency')} options={frequencyOptions} error={errors.knowledgeChangeFrequency} hint="How often the facts it relies on change" />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__title">Baselines of today's fine-tuned model</legend>
          <p className="form-section__note">Leave a value empty when it is unknown: the audit step gets longer.</p>
          <div className="form-grid form-grid--3">
            <NumberField label="Baseline accuracy" value={draft.baselineAccuracy} onChange={set('baselineAccuracy')} error={errors.baselineAccuracy} hint="From 0 to 1, e.g. 0.92" />
            <NumberField label="Baseline p95 latency" suffix="ms" value={draft.baselineP95Ms} onChange={set('baselineP95Ms')} error={errors.baselineP95Ms} />
            <NumberField label="Baseline cost per 1k tasks" suffix="USD" value={draft.baselineCostPer1k} onChange={set('baselineCostPer1k')} error={errors.baselineCostPer1k} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__title">Schedule</legend>
          <div className="form-grid form-grid--3">
            <DateField label="Start date" value={draft.startDate} onChange={set('startDate')} error={errors.startDate} hint="Earliest day work can begin; empty means today" />
            <NumberField label="Retrain cadence" suffix="days" value={draft.retrainCadenceDays} onChange={set('retrainCadenceDays')} error={errors.retrainCadenceDays} />
            <DateField label="Last retrain" value={draft.lastRetrainDate} onChange={set('lastRetrainDate')} error={errors.lastRetrainDate} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend className="form-section__title">Notes</legend>
          <TextAreaField label="Notes" value={draft.notes} onChange={set('notes')} error={errors.notes} rows={4} />
        </fieldset>

        <div className="form__actions form__actions--end">
          <Link href="/workloads" className="button">Back</Link>
          <button type="submit" className="button button--primary" disabled={busy}>{workload ? 'Save' : 'Create workload'}</button>
        </div>
      </form>

      {workload ? (
        <section className="form-section" aria-labelledby="linked-title">
          <h2 id="linked-title" className="form-section__title">Commitments it must keep</h2>
          {linkedCommitments.length === 0 ? (
            <p className="muted">No commitments linked. Link them in <Link href="/agreements" className="link">Contracts &amp; commitments</Link>.</p>
          ) : (
            <ul className="bullet-list">
              {linkedCommitments.map((c) => <li key={c.id}>{c.customer}: {c.kind}{c.threshold !== null ? ` ${c.threshold}` : ''}{c.dueDate ? `, due ${c.dueDate}` : ''}</li>)}
            </ul>
          )}
        </section>
      ) : null}

      <ConfirmDialog
        open={confirmDelete}
        title={`Delete ${workload?.name ?? 'workload'}?`}
        confirmLabel="Delete workload"
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>This deletes the workload <strong>{workload?.name}</strong> with its job profile, candidates and evaluations.</p>
        {linkedCommitments.length ? <p>It is unlinked from {plural(linkedCommitments.length, 'commitment')}; the commitments stay.</p> : null}
        <p className="muted">You can undo this right after with Undo.</p>
      </ConfirmDialog>
    </div>
  );
}
