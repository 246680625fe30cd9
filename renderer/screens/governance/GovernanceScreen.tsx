// One workload's governance map: per candidate where data lives, who may inspect outputs, audit trail, and the three sign-offs.
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField, DateInput, TextField } from '../../components/fields.tsx';
import { invoke } from '../../ipc.ts';
import { notifyError, notifyInfo } from '../../stores/ui.ts';
import { SIGN_OFF_ROLES, SIGN_OFF_STATUSES } from '../../../shared/domain/types.ts';
import type { Candidate, Evaluation, GovernanceEntry, SignOff, SignOffRole, SignOffStatus } from '../../../shared/domain/types.ts';
import type { GovernanceMap } from '../../../shared/ipc/evaluation.ts';
import { currentSignOffs } from '../../../shared/evaluation/aggregate.ts';
import { approachLabel, signOffRoleLabel, signOffStatusLabel } from '../../labels.ts';
import { ImportError } from '../imports/ImportParts.tsx';
import { WorkloadPageHead, WorkloadRoute } from '../evaluation/WorkloadTabs.tsx';
import { useWorkloadQuery } from '../evaluation/useWorkloadQuery.ts';
import { afterWorkloadChange } from '../evaluation/afterChange.ts';

const STATUS_META: Record<SignOffStatus, { label: string; icon: string }> = {
  pending: { label: signOffStatusLabel.pending, icon: '…' },
  approved: { label: signOffStatusLabel.approved, icon: '✓' },
  rejected: { label: signOffStatusLabel.rejected, icon: '✕' },
};

export function GovernanceScreen({ params }: { params: { id: string } }) {
  return <WorkloadRoute id={params.id} view={GovernanceMapView} />;
}

function GovernanceMapView({ workloadId, name }: { workloadId: number; name: string }) {
  const gov = useWorkloadQuery('governance.get', workloadId);
  const matrix = useWorkloadQuery('evaluations.matrix', workloadId);
  const reload = () => { gov.reload(); matrix.reload(); };
  const data = gov.data;

  return (
    <div className="page page--narrow">
      <WorkloadPageHead
        workloadId={workloadId} name={name} tab="governance" page="Governance map"
        description="Where each candidate keeps data, who may read its outputs, whether it leaves an audit trail, and the legal, security and compliance sign-offs."
      />
      <ImportError error={gov.error} title="The governance map could not be loaded" />
      {data?.regulated ? (
        <p className="gov-banner"><strong>Regulated workload.</strong> A candidate is eligible only with approved legal, security and compliance sign-offs.</p>
      ) : null}
      {data && data.candidates.length === 0 ? (
        <EmptyState title="No candidates yet" action={<Link href={`/workloads/${workloadId}/evaluation`} className="button button--primary">Add candidates in the evaluation matrix</Link>}>
          <p>The governance map lists the alternatives being benchmarked for this workload.</p>
        </EmptyState>
      ) : null}
      {data?.candidates.map((c) => {
        const entry = data.governance.find((g) => g.candidateId === c.id) ?? null;
        const signOffs = data.signOffs.filter((s) => s.candidateId === c.id);
        const evaluation = matrix.data?.evaluations.find((e) => e.candidateId === c.id) ?? null;
        // key: a saved change (or an undo) starts the card from the stored values again.
        const key = `${c.id}:${JSON.stringify(entry)}:${JSON.stringify(signOffs)}`;
        return <CandidateGovernance key={key} map={data} candidate={c} entry={entry} signOffs={signOffs} evaluation={evaluation} onSaved={reload} />;
      })}
    </div>
  );
}

interface SignOffDraft { status: SignOffStatus; by: string; at: string }

function CandidateGovernance({ map, candidate, entry, signOffs, evaluation, onSaved }: {
  map: GovernanceMap; candidate: Candidate; entry: GovernanceEntry | null; signOffs: SignOff[]; evaluation: Evaluation | null; onSaved(): void;
}) {
  const titleId = useId();
  const current = currentSignOffs(signOffs);
  const initial = Object.fromEntries(SIGN_OFF_ROLES.map((role) => [role, {
    status: current[role]?.status ?? 'pending', by: current[role]?.by ?? '', at: current[role]?.at ?? '',
  }])) as Record<SignOffRole, SignOffDraft>;
  const [location, setLocation] = useState(entry?.dataLocation ?? '');
  const [inspectors, setInspectors] = useState(entry?.inspectors ?? '');
  const [auditTrail, setAuditTrail] = useState(entry?.auditTrail ?? false);
  const [drafts, setDrafts] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<SignOffRole, string>>>({});
  const [busy, setBusy] = useState(false);

  const setDraft = (role: SignOffRole, patch: Partial<SignOffDraft>) => setDrafts((d) => {
    const next = { ...d[role], ...patch };
    // Deciding fills in today's date, which the reviewer can change.
    if (patch.status && patch.status !== 'pending' && !next.at) next.at = new Date().toISOString().slice(0, 10);
    return { ...d, [role]: next };
  });

  const governanceChanged = !entry || entry.dataLocation !== location || entry.inspectors !== inspectors || entry.auditTrail !== auditTrail;
  const changedRoles = SIGN_OFF_ROLES.filter((role) => {
    const d = drafts[role];
    const c = current[role];
    return c ? c.status !== d.status || c.by !== d.by || (c.at ?? '') !== d.at : d.status !== 'pending' || d.by !== '' || d.at !== '';
  });
  const dirty = (!entry && (location !== '' || inspectors !== '' || auditTrail)) || (entry !== null && governanceChanged) || changedRoles.length > 0;

  async function save() {
    const local: Partial<Record<SignOffRole, string>> = {};
    for (const role of changedRoles) {
      if (drafts[role].status !== 'pending' && drafts[role].by.trim() === '') local[role] = 'Say who approved or rejected it';
    }
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    let failed = false;
    if (governanceChanged) {
      const r = await invoke('governance.set', { workloadId: map.workloadId, candidateId: candidate.id, dataLocation: location, inspectors, auditTrail });
      if (!r.ok) { notifyError(r.error); failed = true; }
    }
    for (const role of failed ? [] : changedRoles) {
      const d = drafts[role];
      const r = await invoke('signOffs.set', { candidateId: candidate.id, role, status: d.status, by: d.by.trim(), at: d.at || null });
      if (!r.ok) {
        if (r.error.field) setErrors((e) => ({ ...e, [role]: r.error.message }));
        else notifyError(r.error);
        failed = true;
        break;
      }
    }
    await afterWorkloadChange();
    setBusy(false);
    if (!failed) notifyInfo(`Saved the governance of ${candidate.name}.`);
    onSaved();
  }

  return (
    <section className="form-section gov-card" aria-labelledby={titleId}>
      <div className="gov-card__head">
        <div>
          <h2 id={titleId} className="gov-card__title">{candidate.name}</h2>
          <p className="gov-card__sub">{approachLabel[candidate.approach]}{candidate.selfHostable ? ' · self-hostable' : ''}{candidate.dataRegion ? ` · processes data in ${candidate.dataRegion}` : ''}</p>
        </div>
        <Eligibility regulated={map.regulated} evaluation={evaluation} signOffs={signOffs} />
      </div>
      {evaluation && !evaluation.eligible && evaluation.ineligibleReason ? <p className="gov-reason">{evaluation.ineligibleReason}</p> : null}

      <div className="form-grid form-grid--3">
        <TextField label="Data location" value={location} onChange={setLocation} placeholder={candidate.dataRegion ?? undefined} hint="Region, vendor or on-prem" />
        <TextField label="Who may inspect outputs" value={inspectors} onChange={setInspectors} hint="Roles or teams" />
        <CheckboxField label="Audit trail" checked={auditTrail} onChange={setAuditTrail} hint="Every answer can be traced later" />
      </div>

      <table className="data-table data-table--form signoff-table" aria-label={`Sign-offs for ${candidate.name}`}>
        <thead>
          <tr><th scope="col">Sign-off</th><th scope="col">Status</th><th scope="col">By</th><th scope="col">Date</th><th scope="col">Saved</th></tr>
        </thead>
        <tbody>
          {SIGN_OFF_ROLES.map((role) => {
            const d = drafts[role];
            const saved = current[role];
            const errId = `${titleId}-${role}-error`;
            return (
              <tr key={role}>
                <th scope="row">{signOffRoleLabel[role]}</th>
                <td>
                  <select className="input select input--compact" aria-label={`${signOffRoleLabel[role]} status`} value={d.status} onChange={(e) => setDraft(role, { status: e.target.value as SignOffStatus })}>
                    {SIGN_OFF_STATUSES.map((s) => <option key={s} value={s}>{STATUS_META[s].label}</option>)}
                  </select>
                </td>
                <td>
                  <div className="row-input">
                    <input
                      className="input input--compact" aria-label={`${signOffRoleLabel[role]} signed by`} value={d.by}
                      aria-invalid={errors[role] ? true : undefined} aria-describedby={errors[role] ? errId : undefined}
                      onChange={(e) => setDraft(role, { by: e.target.value })}
                    />
                    {errors[role] ? <p id={errId} className="field__error"><span aria-hidden="true">⚠ </span>{errors[role]}</p> : null}
                  </div>
                </td>
                <td>
                  <DateInput className="input input--compact" aria-label={`${signOffRoleLabel[role]} date`} value={d.at} onChange={(v) => setDraft(role, { at: v })} />
                </td>
                <td><SignOffStatusText signOff={saved ?? null} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={busy || !dirty} onClick={() => void save()}>Save {candidate.name}</button>
      </div>
    </section>
  );
}

function SignOffStatusText({ signOff }: { signOff: SignOff | null }) {
  if (!signOff) return <span className="signoff-status signoff-status--pending"><span aria-hidden="true">… </span>Not requested</span>;
  const meta = STATUS_META[signOff.status];
  return (
    <span className={`signoff-status signoff-status--${signOff.status}`}>
      <span aria-hidden="true">{meta.icon} </span>{meta.label}{signOff.by ? ` by ${signOff.by}` : ''}{signOff.at ? `, ${signOff.at}` : ''}
    </span>
  );
}

/** The engine's verdict (from the matrix); the headline names the approvals still missing. */
function Eligibility({ regulated, evaluation, signOffs }: { regulated: boolean; evaluation: Evaluation | null; signOffs: SignOff[] }) {
  if (!evaluation) return null;
  if (evaluation.eligible) return <span className="eligibility eligibility--ok"><span aria-hidden="true">✓</span><span>Eligible</span></span>;
  const current = currentSignOffs(signOffs);
  const missing = regulated ? SIGN_OFF_ROLES.filter((r) => current[r]?.status !== 'approved').map((r) => signOffRoleLabel[r].toLowerCase()) : [];
  const headline = missing.length ? `Not eligible: missing ${listOf(missing)} approval` : 'Not eligible';
  return <span className="eligibility eligibility--no"><span aria-hidden="true">✕</span><span>{headline}</span></span>;
}

function listOf(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
