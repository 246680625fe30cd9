// Evaluation results: promptfoo JSON/CSV or per-task CSV rows, read with progress and Cancel → candidates with row counts →
// approach per new candidate → import.
import { Link } from 'wouter';
import { APPROACHES } from '../../../shared/domain/types.ts';
import type { Approach } from '../../../shared/domain/types.ts';
import { useImports } from '../../stores/imports.ts';
import { approachLabel, formatNumber, plural } from '../../labels.ts';
import { DoneNote, ImportCard, ImportError, ProgressBar, baseName } from './ImportParts.tsx';
import { WorkloadSelect } from './WorkloadSelect.tsx';

export function EvaluationImportCard() {
  const card = useImports((s) => s.evaluations);
  const { setEvaluationsWorkload, chooseEvaluationsFile, cancelEvaluationsPreview, setEvaluationApproach, commitEvaluations } = useImports.getState();
  const preview = card.preview;

  return (
    <ImportCard
      id="eval-import-title" title="Evaluation results"
      lead="promptfoo's JSON or CSV output, or a CSV of per-task rows (candidate, latency_ms, cost_usd, correct, grounded, refused, hallucinated). Raw rows are kept; the matrix is computed from them."
      action={<button type="button" className="button" onClick={() => void chooseEvaluationsFile()} disabled={card.busy || card.workloadId === null}>Choose results file…</button>}
    >
      <div className="import-card__row">
        <WorkloadSelect value={card.workloadId} onChange={setEvaluationsWorkload} hint="The workload these results were measured on" />
      </div>
      {card.busy && card.task ? (
        <div className="import-running" aria-live="polite">
          <ProgressBar
            name="Reading progress" done={card.progress?.done ?? 0} total={card.progress?.total ?? 0}
            label={card.progress?.label ?? `Reading ${baseName(card.path ?? '')}`}
          />
          <button type="button" className="button" onClick={() => void cancelEvaluationsPreview()}>Cancel</button>
        </div>
      ) : null}
      {card.cancelled ? <p className="muted" role="status">Reading cancelled; nothing was changed.</p> : null}
      <ImportError error={card.error} />

      {preview ? (
        <>
          <p>
            <strong>{baseName(preview.file)}</strong> <span className="muted">({preview.format})</span>: {plural(preview.rowCount, 'row')} for {plural(preview.candidates.length, 'candidate')}.
          </p>
          <div className="table-card">
            <table className="data-table" aria-label="Candidates in the file">
              <thead>
                <tr>
                  <th scope="col">Candidate</th>
                  <th scope="col" className="num">Rows</th>
                  <th scope="col">On import</th>
                  <th scope="col">Approach</th>
                </tr>
              </thead>
              <tbody>
                {preview.candidates.map((c) => (
                  <tr key={c.name}>
                    <th scope="row">{c.name}</th>
                    <td className="num">{formatNumber(c.rows)}</td>
                    <td>{c.existingCandidateId === null ? 'New candidate' : 'Replaces its rows'}</td>
                    <td>
                      {c.existingCandidateId === null ? (
                        <select
                          className="input select input--compact"
                          aria-label={`Approach of ${c.name}`}
                          value={card.approaches[c.name] ?? c.approach}
                          onChange={(e) => setEvaluationApproach(c.name, e.target.value as Approach)}
                        >
                          {APPROACHES.map((a) => <option key={a} value={a}>{approachLabel[a]}</option>)}
                        </select>
                      ) : approachLabel[c.approach]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="import-card__actions">
            <button type="button" className="button button--primary" disabled={card.busy} onClick={() => void commitEvaluations()}>
              Import {plural(preview.rowCount, 'row')}
            </button>
          </div>
        </>
      ) : null}
      <DoneNote text={card.done} />
      {card.done && card.workloadId !== null ? <Link href={`/workloads/${card.workloadId}/evaluation`} className="link">Open the evaluation matrix</Link> : null}
    </ImportCard>
  );
}
