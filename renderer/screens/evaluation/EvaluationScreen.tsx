// One workload's evaluation matrix: candidates × metrics, cells that break a commitment named, ineligible rows explained, R8's pick.
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useImports } from '../../stores/imports.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ConfirmDialog } from '../../components/Dialog.tsx';
import { invoke } from '../../ipc.ts';
import { notifyError, notifyUndoable } from '../../stores/ui.ts';
import type { Candidate, Evaluation } from '../../../shared/domain/types.ts';
import type { EvaluationMatrix } from '../../../shared/ipc/evaluation.ts';
import type { CellFlag } from '../../../shared/evaluation/flags.ts';
import { approachShort } from '../../labels.ts';
import { ImportError } from '../imports/ImportParts.tsx';
import { CandidateDialog } from './CandidateDialog.tsx';
import { METRIC_COLUMNS } from './metrics.ts';
import type { MetricColumn } from './metrics.ts';
import { WorkloadPageHead, WorkloadRoute } from './WorkloadTabs.tsx';
import { useWorkloadQuery } from './useWorkloadQuery.ts';
import { afterWorkloadChange } from './afterChange.ts';
import './evaluation.css';

export function EvaluationScreen({ params }: { params: { id: string } }) {
  return <WorkloadRoute id={params.id} view={Matrix} />;
}

function Matrix({ workloadId, name }: { workloadId: number; name: string }) {
  const { data, error, reload } = useWorkloadQuery('evaluations.matrix', workloadId);
  const candidates = useCandidates(workloadId, data);
  const [editing, setEditing] = useState<Candidate | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Candidate | null>(null);

  async function remove(c: Candidate) {
    const r = await invoke('candidates.delete', { id: c.id });
    setDeleting(null);
    if (!r.ok) return notifyError(r.error);
    await afterWorkloadChange();
    notifyUndoable(`Deleted candidate ${c.name} and its results.`);
    reload();
  }

  return (
    <div className="page">
      <WorkloadPageHead
        workloadId={workloadId} name={name} tab="evaluation" page="Evaluation matrix"
        description="Candidates measured on one fixed task set. Cells that break a commitment are marked with the commitment; rule R8 picks the cheapest eligible candidate that keeps them all."
        actions={(
          <>
            <Link href="/imports" className="button" onClick={() => useImports.getState().setEvaluationsWorkload(workloadId)}>Import results…</Link>
            <button type="button" className="button button--primary" onClick={() => setEditing('new')}>Add candidate</button>
          </>
        )}
      />
      <ImportError error={error} title="The matrix could not be loaded" />

      {data ? (
        <>
          <R8Verdict matrix={data} />
          <Constraints matrix={data} />
          {data.evaluations.length === 0 ? (
            <EmptyState title="No candidates yet" action={<button type="button" className="button button--primary" onClick={() => setEditing('new')}>Add candidate</button>}>
              <p>Add the alternatives you are benchmarking, or import evaluation results (promptfoo output or a CSV of per-task rows) from the Imports screen.</p>
            </EmptyState>
          ) : (
            <MatrixTable
              matrix={data}
              onEdit={(id) => setEditing(candidates.find((c) => c.id === id) ?? null)}
            />
          )}
          <IneligibleNotes matrix={data} />
        </>
      ) : !error ? <p className="muted" role="status">Loading the matrix…</p> : null}

      {editing ? (
        <CandidateDialog
          key={editing === 'new' ? 'new' : editing.id}
          workloadId={workloadId}
          candidate={editing === 'new' ? null : editing}
          open
          onClose={() => setEditing(null)}
          onSaved={() => { setEditing(null); reload(); }}
          onDelete={editing === 'new' ? undefined : () => { const c = editing; setEditing(null); setDeleting(c); }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? 'candidate'}?`}
        confirmLabel="Delete candidate"
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      >
        <p>This deletes the candidate <strong>{deleting?.name}</strong> with its evaluation rows, governance entry and sign-offs.</p>
        <p className="muted">You can undo this right after with Undo.</p>
      </ConfirmDialog>
    </div>
  );
}

/** The full candidates (notes, policy hours) for the edit dialog; the matrix carries only what it shows. */
function useCandidates(workloadId: number, matrix: EvaluationMatrix | null): Candidate[] {
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  useEffect(() => {
    let live = true;
    void invoke('candidates.list', { workloadId }).then((r) => { if (live && r.ok) setCandidates(r.value); });
    return () => { live = false; };
  }, [workloadId, matrix]);
  return candidates;
}

function R8Verdict({ matrix }: { matrix: EvaluationMatrix }) {
  const pick = matrix.recommendation.selectedCandidate;
  const warnings = matrix.recommendation.warnings.filter((w) => w.ruleId === 'R8');
  if (!pick && warnings.length === 0) return null;
  return (
    <div className={`verdict${pick ? ' verdict--pick' : ' verdict--none'}`} role="status" aria-label="Rule R8">
      {pick ? (
        <p><span className="verdict__icon" aria-hidden="true">★</span><strong>R8 picks {pick.name}.</strong> {pick.reason}</p>
      ) : null}
      {warnings.map((w, i) => <p key={i}><span className="verdict__icon" aria-hidden="true">⚠</span>{w.text}</p>)}
    </div>
  );
}

function Constraints({ matrix }: { matrix: EvaluationMatrix }) {
  if (matrix.constraints.length === 0) {
    return <p className="muted constraints">No hard constraints: no linked commitment sets an accuracy threshold, a latency SLA or a residency, and the workload has no residency.</p>;
  }
  return (
    <div className="constraints">
      <span className="constraints__title">Hard constraints</span>
      <ul className="constraints__list">
        {matrix.constraints.map((c, i) => <li key={i} className="constraint-chip">{c.label}</li>)}
      </ul>
    </div>
  );
}

function MatrixTable({ matrix, onEdit }: { matrix: EvaluationMatrix; onEdit(id: number): void }) {
  const pickId = matrix.recommendation.selectedCandidate?.candidateId ?? null;
  return (
    <div className="table-card matrix-scroll">
      <table className="data-table matrix" aria-label="Evaluation matrix">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            {METRIC_COLUMNS.map((m) => (
              <th key={m.key} scope="col" className={m.key === 'region' ? '' : 'num'}>
                {m.label}{m.hint ? <span className="matrix__hint">{m.hint}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.evaluations.map((e) => (
            <CandidateRow
              key={e.candidateId}
              evaluation={e}
              flags={matrix.flags[e.candidateId] ?? []}
              picked={e.candidateId === pickId}
              onEdit={() => onEdit(e.candidateId)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CandidateRow({ evaluation: e, flags, picked, onEdit }: {
  evaluation: Evaluation; flags: CellFlag[]; picked: boolean; onEdit(): void;
}) {
  const rowClass = [picked ? 'matrix__row--pick' : '', e.eligible ? '' : 'matrix__row--ineligible'].filter(Boolean).join(' ');
  return (
    <tr className={rowClass || undefined}>
      <th scope="row" className="matrix__candidate">
        <span className="matrix__name-line">
          <span className="cell-strong">{e.candidateName}</span>
          <button type="button" className="button button--ghost button--small matrix__edit" onClick={onEdit} aria-label={`Edit ${e.candidateName}`}>Edit</button>
        </span>
        <span className="matrix__approach">{approachShort[e.approach]}</span>
        {picked ? <span className="pick-badge"><span aria-hidden="true">★ </span>R8 pick</span> : null}
        {e.eligible ? null : (
          <span className="ineligible" title={e.ineligibleReason ?? undefined}>
            <span aria-hidden="true">✕ </span>Not eligible: {shortReason(e.ineligibleReason)}
          </span>
        )}
      </th>
      {METRIC_COLUMNS.map((m) => <MetricCell key={m.key} column={m} evaluation={e} flags={flags} />)}
    </tr>
  );
}

/** The first sentence in the row; every reason in full under the table. */
function shortReason(reason: string | null): string {
  if (!reason) return 'governance';
  const first = reason.split(/(?<=\.)\s/)[0];
  return first.length > 90 ? `${first.slice(0, 88)}…` : first;
}

function IneligibleNotes({ matrix }: { matrix: EvaluationMatrix }) {
  const ineligible = matrix.evaluations.filter((e) => !e.eligible);
  if (ineligible.length === 0) return null;
  return (
    <section className="ineligible-notes" aria-labelledby="ineligible-title">
      <h2 id="ineligible-title" className="section-title">Why some candidates are not eligible</h2>
      <ul className="bullet-list">
        {ineligible.map((e) => <li key={e.candidateId}><strong>{e.candidateName}</strong>: {e.ineligibleReason ?? 'not eligible under governance'}{' '}<Link href={`/workloads/${e.workloadId}/governance`} className="link">Governance map</Link></li>)}
      </ul>
    </section>
  );
}

function MetricCell({ column, evaluation, flags }: { column: MetricColumn; evaluation: Evaluation; flags: CellFlag[] }) {
  const broken = flags.filter((f) => f.column === column.key);
  const value = column.value(evaluation);
  const align = column.key === 'region' ? 'matrix__wrap' : 'num';
  if (broken.length === 0) return <td className={align}>{value}</td>;
  return (
    <td className={`${align} ${broken.some((b) => b.hard) ? 'cell--broken' : 'cell--over'}`} title={broken.map((b) => b.why).join('; ')}>
      <span className="cell--broken__value"><span aria-hidden="true">⚠ </span>{value}</span>
      {broken.map((b, i) => (
        <span key={i} className="cell--broken__label">{b.hard ? 'Breaks' : 'Above'} {b.limit}</span>
      ))}
    </td>
  );
}
