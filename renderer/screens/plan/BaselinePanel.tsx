// The review cycle on the Plan screen: set a named baseline, see what moved since one, rename or delete baselines.
import { useCallback, useEffect, useState } from 'react';
import { ConfirmDialog, Dialog } from '../../components/Dialog.tsx';
import { invoke } from '../../ipc.ts';
import { notifyError, notifyInfo, notifyUndoable } from '../../stores/ui.ts';
import { useWorkspace } from '../../stores/workspace.ts';
import type { BaselineSummary } from '../../../shared/plan/baseline.ts';
import './review.css';
import { useBaselineGhosts } from './baselineGhosts.ts';
import type { BaselineDiff, WorkloadChange } from '../../../shared/plan/baselineDiff.ts';
import { formatDate, workingDays } from '../../../shared/format.ts';

const KIND_LABEL: Record<WorkloadChange['kind'], string> = { added: 'New', removed: 'Removed', changed: 'Changed' };

/** `version` is the plan's: a replan (an input changed) recomputes what moved. */
export function BaselinePanel({ clientId, today, version }: { clientId: number | null; today: string; version: number }) {
  const [baselines, setBaselines] = useState<BaselineSummary[]>([]);
  const [selected, setSelected] = useState<number | null>(null);
  const [diff, setDiff] = useState<BaselineDiff | null>(null);
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<BaselineSummary | null>(null);
  const [newName, setNewName] = useState('');
  const [deleting, setDeleting] = useState<BaselineSummary | null>(null);
  // Undo and redo change the workspace info: baselines may have come back or gone.
  const info = useWorkspace((s) => s.info);
  const showGhosts = useBaselineGhosts((s) => s.show);

  const load = useCallback(async () => {
    const r = await invoke('baselines.list', {});
    if (!r.ok) return notifyError(r.error);
    setBaselines(r.value);
    setSelected((id) => (id !== null && r.value.some((b) => b.id === id) ? id : r.value[0]?.id ?? null));
  }, []);

  useEffect(() => { void load(); }, [load, info]);

  useEffect(() => {
    if (selected === null) {
      setDiff(null);
      useBaselineGhosts.getState().publish(null);
      return undefined;
    }
    let live = true;
    void invoke('baselines.diff', { id: selected, today, clientId: clientId ?? undefined }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setDiff(r.value);
        useBaselineGhosts.getState().publish(r.value?.ghosts ?? null);
      } else notifyError(r.error);
    });
    return () => { live = false; };
  }, [selected, today, clientId, version, baselines]);

  async function create() {
    const r = await invoke('baselines.create', { name: name.trim() || undefined, today });
    if (!r.ok) return notifyError(r.error);
    setName('');
    await useWorkspace.getState().refreshInfo();
    await load();
    setSelected(r.value.id);
    notifyInfo(`Set baseline ${r.value.name}: later changes to the plan are shown against it.`);
  }

  async function rename() {
    if (!renaming) return;
    const r = await invoke('baselines.rename', { id: renaming.id, name: newName });
    if (!r.ok) return notifyError(r.error);
    setRenaming(null);
    await useWorkspace.getState().refreshInfo();
    await load();
  }

  async function remove() {
    if (!deleting) return;
    const gone = deleting;
    const r = await invoke('baselines.delete', { id: gone.id });
    setDeleting(null);
    if (!r.ok) return notifyError(r.error);
    await useWorkspace.getState().refreshInfo();
    await load();
    notifyUndoable(`Deleted baseline ${gone.name}.`);
  }

  const current = baselines.find((b) => b.id === selected) ?? null;
  return (
    <section aria-labelledby="baselines-title" className="plan__section baseline-panel">
      <div className="plan__toolbar">
        <h2 id="baselines-title" className="section-title plan__title">Baselines</h2>
        <form className="baseline-panel__form" onSubmit={(e) => { e.preventDefault(); void create(); }}>
          <label className="field field--inline">
            <span className="field__label">Baseline name</span>
            <input className="input input--compact" value={name} placeholder={`Baseline ${formatDate(today)}`} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="button button--primary">Set baseline</button>
        </form>
        {baselines.length > 0 ? (
          <>
            <label className="plan__sort">
              <span>Compare with</span>
              <select className="input select input--compact" value={selected ?? ''} onChange={(e) => setSelected(Number(e.target.value))}>
                {baselines.map((b) => <option key={b.id} value={b.id}>{b.name} (set {b.takenAt.slice(0, 10)})</option>)}
              </select>
            </label>
            <label className="baseline-panel__ghosts">
              <input type="checkbox" checked={showGhosts} onChange={(e) => useBaselineGhosts.getState().setShow(e.target.checked)} />
              <span>Show baseline bars on the timeline</span>
            </label>
            <button type="button" className="button button--small" disabled={!current} onClick={() => { setRenaming(current); setNewName(current?.name ?? ''); }}>Rename…</button>
            <button type="button" className="button button--small" disabled={!current} onClick={() => setDeleting(current)}>Delete…</button>
          </>
        ) : null}
      </div>
      {current === null ? (
        <p className="muted">No baseline yet. Set one before a review: the plan then shows what moved since it (dates, statuses, approaches, sunset dates, new and removed workloads).</p>
      ) : diff ? <Changes diff={diff} /> : <p className="muted" role="status">Comparing…</p>}

      <Dialog
        title="Rename baseline"
        open={renaming !== null}
        onClose={() => setRenaming(null)}
        footer={(
          <>
            <button type="button" className="button" onClick={() => setRenaming(null)}>Cancel</button>
            <button type="button" className="button button--primary" onClick={() => void rename()}>Rename</button>
          </>
        )}
      >
        <form onSubmit={(e) => { e.preventDefault(); void rename(); }}>
          <label className="field">
            <span className="field__label">New name</span>
            <input className="input" value={newName} onChange={(e) => setNewName(e.target.value)} />
          </label>
        </form>
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete baseline ${deleting?.name ?? ''}?`}
        confirmLabel="Delete baseline"
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>The plan will no longer be compared with <strong>{deleting?.name}</strong>. The plan itself does not change.</p>
        <p className="muted">You can undo this right after with Undo.</p>
      </ConfirmDialog>
    </section>
  );
}

function Changes({ diff }: { diff: BaselineDiff }) {
  const title = `Changes since ${diff.baseline.name}`;
  return (
    <div className="baseline-panel__changes">
      <h3 className="baseline-panel__title">{title} <span className="muted">(set {diff.baseline.takenAt.slice(0, 10)}, plan of {diff.baseline.today})</span></h3>
      {diff.changes.length === 0 ? (
        <p className="muted">Nothing moved: every workload ends, stands and is planned as it was in the baseline.</p>
      ) : (
        <div className="table-card">
          <table className="data-table" aria-label={title}>
            <thead><tr><th scope="col">Workload</th><th scope="col">Client</th><th scope="col">Change</th><th scope="col">What moved</th></tr></thead>
            <tbody>
              {diff.changes.map((c) => (
                <tr key={`${c.kind}-${c.workloadId}`}>
                  <th scope="row">{c.name}</th>
                  <td>{c.clientName}</td>
                  <td>{KIND_LABEL[c.kind]}{c.end ? <span className={`baseline-panel__move baseline-panel__move--${c.end.direction}`}> · {workingDays(c.end.workingDays)} {c.end.direction}</span> : null}</td>
                  <td><ul className="baseline-panel__list">{c.sentences.map((s) => <li key={s}>{s}</li>)}</ul></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {diff.unchanged > 0 ? <p className="muted baseline-panel__unchanged">{diff.unchanged === 1 ? '1 other workload is unchanged.' : `${diff.unchanged} other workloads are unchanged.`}</p> : null}
    </div>
  );
}
