// The training data reused as the benchmark: N tasks sampled by seed from the analysed training file,
// saved as a promptfoo config (and DPO pairs for style and ranking workloads), ready to run against
// every candidate; the results come back through the Evaluation results card below.
import { useId } from 'react';
import { useImports } from '../../stores/imports.ts';
import { formatNumber, plural } from '../../labels.ts';
import { DoneNote, ImportError, ProgressBar } from './ImportParts.tsx';

export function EvalSetExport() {
  const card = useImports((s) => s.evalset);
  const training = useImports((s) => s.training);
  const { setEvalSetOptions, exportEvalSet } = useImports.getState();
  const id = useId();
  if (!training.analysis) return null;
  const result = card.result;
  const assertions = result ? Object.entries(result.assertions).map(([type, n]) => `${type} ${formatNumber(n)}`).join(', ') : '';

  return (
    <section className="evalset" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="import-card__subtitle">Evaluation set from this file</h3>
      <p className="muted">
        Sample tasks the fine-tuned model was trained on into a promptfoo test file, so every candidate is benchmarked on them.
        The same number and seed always give the same tasks.
      </p>
      <div className="evalset__options">
        <label className="field">
          <span className="field__label">Number of tasks</span>
          <input
            type="number" className="input input--compact" min={1} max={10_000} step={1} value={card.n}
            onChange={(e) => setEvalSetOptions({ n: Math.max(1, Math.min(10_000, Math.round(Number(e.target.value) || 1))) })}
          />
        </label>
        <label className="field">
          <span className="field__label">Seed</span>
          <input
            type="number" className="input input--compact" min={0} step={1} value={card.seed}
            onChange={(e) => setEvalSetOptions({ seed: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
          />
        </label>
        <label className="field">
          <span className="field__label">File format</span>
          <select className="input input--compact" value={card.format} onChange={(e) => setEvalSetOptions({ format: e.target.value === 'json' ? 'json' : 'yaml' })}>
            <option value="yaml">promptfoo YAML</option>
            <option value="json">promptfoo JSON</option>
          </select>
        </label>
      </div>
      {training.workloadId === null ? <p className="field__hint">Choose the workload above: its job profile decides how free-text answers are checked.</p> : null}
      <div className="import-card__actions">
        <button type="button" className="button" disabled={card.busy || training.workloadId === null} onClick={() => void exportEvalSet()}>
          Export evaluation set…
        </button>
      </div>
      {card.busy ? <ProgressBar done={card.progress?.done ?? 0} total={card.progress?.total ?? 0} label={card.progress?.label ?? 'Sampling the training file'} /> : null}
      <ImportError error={card.error} title="The evaluation set could not be written" />
      {result ? (
        <DoneNote
          text={`Saved ${result.file}: ${plural(result.cases, 'task')} sampled from ${formatNumber(result.examples)} (assertions: ${assertions})${
            result.pairsFile ? `, and ${result.pairsFile}: ${plural(result.pairs, 'preference pair')} for an open-weight adapter` : ''
          }. Run it with promptfoo and import the results below.`}
        />
      ) : null}
    </section>
  );
}
