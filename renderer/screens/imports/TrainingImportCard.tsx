// Training data: streamed analysis (progress, Cancel) → counts, malformed lines, suggested job weights with evidence → accept.
import { useId } from 'react';
import { Link } from 'wouter';
import { JOBS } from '../../../shared/domain/types.ts';
import type { Job } from '../../../shared/domain/types.ts';
import type { TrainingAnalysis } from '../../../shared/analysis/types.ts';
import type { RecordShape } from '../../../shared/analysis/parseExample.ts';
import { shapeName } from '../../../shared/analysis/general.ts';
import { useImports } from '../../stores/imports.ts';
import { formatNumber, jobHint, jobLabel, plural } from '../../labels.ts';
import { DoneNote, ImportCard, ImportError, ProgressBar, baseName } from './ImportParts.tsx';
import { WorkloadSelect } from './WorkloadSelect.tsx';
import { EvalSetExport } from './EvalSetExport.tsx';

/** Beyond this many, malformed lines are counted, not listed, so a broken 100 MB file stays readable. */
const MALFORMED_SHOWN = 50;

export function TrainingImportCard() {
  const card = useImports((s) => s.training);
  const { setTrainingWorkload, chooseAndAnalyseTraining, cancelTraining, acceptTraining } = useImports.getState();
  const analysis = card.analysis;

  return (
    <ImportCard
      id="training-import-title" title="Training data"
      lead="A JSONL training file: chat messages, prompt/completion, question/answer, instruction/output, ShareGPT conversations or preference pairs. Offramp reads it line by line and suggests what the fine-tuned model does, with the evidence and the example lines it comes from."
      action={<button type="button" className="button" onClick={() => void chooseAndAnalyseTraining()} disabled={card.busy}>Choose training file…</button>}
    >
      <div className="import-card__row">
        <WorkloadSelect value={card.workloadId} onChange={setTrainingWorkload} hint="Whose job profile the result goes into" />
      </div>

      {card.busy && card.task ? (
        <div className="import-running" aria-live="polite">
          <ProgressBar done={card.progress?.done ?? 0} total={card.progress?.total ?? 0} label={card.progress?.label ?? `Analysing ${baseName(card.path ?? '')}`} />
          <button type="button" className="button" onClick={() => void cancelTraining()}>Cancel</button>
        </div>
      ) : null}
      {card.cancelled ? <p className="muted" role="status">Analysis cancelled; nothing was changed.</p> : null}
      <ImportError error={card.error} title="The file could not be analysed" />

      {analysis && card.weights ? (
        <>
          <AnalysisSummary analysis={analysis} />
          <MalformedLines analysis={analysis} />
          <fieldset className="weights">
            <legend className="import-card__subtitle">Suggested job profile <span className="muted">(edit before accepting)</span></legend>
            {JOBS.map((job) => <WeightRow key={job} job={job} value={card.weights![job]} evidence={analysis.evidenceByJob[job]} />)}
          </fieldset>
          {analysis.evidence.length ? (
            <details className="import-details">
              <summary>All evidence ({analysis.evidence.length})</summary>
              <ul className="bullet-list">{analysis.evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
            </details>
          ) : null}
          {analysis.notes.length ? <ul className="import-notes">{analysis.notes.map((n, i) => <li key={i}>{n}</li>)}</ul> : null}
          <div className="import-card__actions">
            {card.workloadId === null ? <p className="field__hint">Choose the workload above to accept the profile.</p> : null}
            <button type="button" className="button button--primary" disabled={card.busy || card.workloadId === null} onClick={() => void acceptTraining()}>
              Accept into job profile
            </button>
          </div>
        </>
      ) : null}
      <DoneNote text={card.done} />
      {card.done && card.workloadId !== null ? <Link href={`/workloads/${card.workloadId}`} className="link">Open the workload's decision panel</Link> : null}
      <EvalSetExport />
    </ImportCard>
  );
}

function AnalysisSummary({ analysis }: { analysis: TrainingAnalysis & { file: string } }) {
  const shapes = (Object.entries(analysis.shapes) as [RecordShape, number][]).filter(([, n]) => n > 0).map(([s, n]) => `${formatNumber(n)} ${shapeName(s, n)}`);
  return (
    <dl className="stat-grid" aria-label={`Analysis of ${baseName(analysis.file)}`}>
      <Stat label="File" value={baseName(analysis.file)} />
      <Stat label="Examples" value={formatNumber(analysis.examples)} sub={`of ${plural(analysis.lines, 'line')}`} />
      <Stat label="Read as" value={shapes.join(', ') || '—'} />
      <Stat label="Tokens (estimate)" value={formatNumber(analysis.estimatedTokens)} />
      <Stat label="System prompts" value={`${plural(analysis.systemPrompts.variants, 'variant')}${analysis.systemPrompts.capped ? '+' : ''}`} sub={analysis.systemPrompts.examplesWithout ? `${formatNumber(analysis.systemPrompts.examplesWithout)} without one` : undefined} />
      <Stat label="Turns" value={`${analysis.turns.meanMessages.toFixed(1)} messages on average`} sub={`${formatNumber(analysis.turns.multiTurnExamples)} multi-turn`} />
      <Stat label="Replies" value={formatNumber(analysis.replies.total)} sub={`${formatNumber(analysis.replies.json)} JSON, ${formatNumber(analysis.replies.code)} code, ${formatNumber(analysis.replies.distinct)}${analysis.replies.distinctCapped ? '+' : ''} distinct`} />
      {analysis.images.examples ? <Stat label="Images" value={plural(analysis.images.images, 'image')} sub={`in ${plural(analysis.images.examples, 'example')}`} /> : null}
      <Stat label="Preference pairs" value={formatNumber(analysis.preferencePairs)} />
      <Stat label="Malformed lines" value={formatNumber(analysis.malformed.total)} warn={analysis.malformed.total > 0} />
    </dl>
  );
}

function Stat({ label, value, sub, warn }: { label: string; value: string; sub?: string; warn?: boolean }) {
  return (
    <div className={`stat${warn ? ' stat--warn' : ''}`}>
      <dt className="stat__label">{label}</dt>
      <dd className="stat__value">{warn ? <span aria-hidden="true">⚠ </span> : null}{value}{sub ? <span className="stat__sub"> {sub}</span> : null}</dd>
    </div>
  );
}

function MalformedLines({ analysis }: { analysis: TrainingAnalysis }) {
  const { total, lines } = analysis.malformed;
  if (total === 0) return null;
  const shown = lines.slice(0, MALFORMED_SHOWN);
  return (
    <div className="malformed">
      <h3 className="import-card__subtitle">Malformed lines: {formatNumber(total)} <span className="muted">(skipped; the analysis used the rest)</span></h3>
      <ol className="malformed__list" aria-label="Malformed lines">
        {shown.map((m) => (
          <li key={`${m.line}-${m.field ?? ''}`}>
            <span className="malformed__line">Line {m.line}</span>
            {m.field ? <code className="malformed__field">{m.field}</code> : null}
            <span>{withoutLineNumber(m.message)}</span>
          </li>
        ))}
      </ol>
      {total > shown.length ? <p className="muted">and {formatNumber(total - shown.length)} more.</p> : null}
    </div>
  );
}

/** The line number is already in its own column: "Line 4: x" → "x", "Line 2 is …" → "This line is …". */
function withoutLineNumber(message: string): string {
  return message.replace(/^Line \d+:\s*/, '').replace(/^Line \d+ /, 'This line ');
}

function WeightRow({ job, value, evidence }: { job: Job; value: number; evidence: string[] }) {
  const id = useId();
  const setWeight = useImports((s) => s.setTrainingWeight);
  return (
    <div className="weight-row">
      <label htmlFor={`${id}-n`} className="weight-row__label">
        {jobLabel[job]} <span className="muted">({jobHint[job]})</span>
      </label>
      <input
        type="range" min={0} max={100} step={1} value={value} className="weight-row__slider"
        aria-label={`${jobLabel[job]} weight slider`} onChange={(e) => setWeight(job, Number(e.target.value))}
      />
      <input
        id={`${id}-n`} type="number" min={0} max={100} step={1} value={value} className="input input--compact weight-row__number"
        onChange={(e) => setWeight(job, Number(e.target.value))}
      />
      {evidence.length ? (
        <ul className="weight-row__evidence">{evidence.map((e, i) => <li key={i}>{e}</li>)}</ul>
      ) : <p className="weight-row__evidence muted">No evidence in the data for this job.</p>}
    </div>
  );
}
