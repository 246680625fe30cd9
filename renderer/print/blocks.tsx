// The roadmap's flowing content as blocks: each block is measured, then packed whole onto a page (never split).
import type { ReactNode } from 'react';
import { JOBS, type PlanStatus } from '../../shared/domain/types.ts';
import type { PortfolioWorkload } from '../../shared/portfolio.ts';
import type { Commitment, Evaluation } from '../../shared/domain/types.ts';
import type { RoadmapModel } from './model.ts';
import { noticeBy } from './model.ts';
import { dateNoBreak, datesInText, longDate, num, pct } from './words.ts';
import { matrixFlags, type FlaggedColumn } from '../../shared/evaluation/flags.ts';
import { formatMoney, formatPartialMoney } from '../../shared/format.ts';
import type { PartialSum } from '../../shared/plan/cost.ts';
import {
  approachLongLabel, commitmentKindLabel, criticalityLabel, deploymentLabel, jobLabel, planStatusLabel, planStatusMeaning, plural, signOffStatusLabel,
} from '../labels.ts';

export type SectionId = 'summary' | 'workloads' | 'register';

/** A long table: measured row by row, split between rows across pages with its header repeated. */
export interface FlowTable {
  caption: string;
  className?: string;
  head: ReactNode;
  rows: ReactNode[];
}

export interface FlowBlock {
  key: string;
  section: SectionId;
  node?: ReactNode;
  table?: FlowTable;
  /** A heading: kept on the same page as the block after it. */
  keepWithNext?: boolean;
  /** The workload this block belongs to (its sections' first block starts the workload in the contents). */
  workloadId?: number;
}

/** A header cell: its label, its width (the header fixes the columns of a table split across pages), 'num' to right-align. */
type HeadCell = readonly [label: string, width?: number | string, align?: 'num'];

function headRow(cells: readonly HeadCell[]): ReactNode {
  return (
    <tr>
      {cells.map(([label, width, align]) => (
        <th key={label} className={align === 'num' ? 'rm-num' : undefined} style={width === undefined ? undefined : { width }}>{label}</th>
      ))}
    </tr>
  );
}

/** Rows [from, to) of a flow table; the caption says "continued" on later pages. */
export function TableView({ table, from = 0, to, continued }: { table: FlowTable; from?: number; to?: number; continued?: boolean }) {
  // Fixed layout: column widths come from the header, so a table split across pages keeps the row heights measured whole.
  return (
    <table className={`rm-table rm-table--flow ${table.className ?? ''}`}>
      <caption>{table.caption}{continued ? ' (continued)' : ''}</caption>
      <thead>{table.head}</thead>
      <tbody>{table.rows.slice(from, to)}</tbody>
    </table>
  );
}

export function StatusMark({ status, children }: { status: PlanStatus; children?: ReactNode }) {
  return (
    <span className={`rm-status rm-status--${status}`}>
      <span className="rm-swatch" aria-hidden="true" />
      <span className="rm-status__text">{children ?? planStatusLabel[status]}</span>
    </span>
  );
}

function SectionTitle({ n, title, lead }: { n: string; title: string; lead?: ReactNode }) {
  return (
    <div className="rm-section-title">
      <h2><span className="rm-section-title__n">{n}</span>{title}</h2>
      {lead ? <p className="rm-lead">{lead}</p> : null}
    </div>
  );
}

/** Ends a sentence with exactly one full stop (engine sentences may or may not carry one). */
export const sentence = (s: string): string => datesInText(`${s.trim().replace(/[.\s]+$/, '')}.`);

const statusLine = (w: PortfolioWorkload): string => {
  const p = w.plan;
  if (p.status === 'late') return `Late by ${plural(p.overrunDays, 'working day')}`;
  if (p.status === 'compressed') return `Compressed, ${plural(p.slackDays, 'working day')} spare`;
  return `${planStatusLabel[p.status]}, ${plural(p.slackDays, 'working day')} spare`;
};

// ---------- 1 Executive summary ----------

export function summaryBlocks(m: RoadmapModel): FlowBlock[] {
  const { portfolio } = m.data;
  const total = m.lines.length;
  const sunset = portfolio.workspaceSunset;
  const blocks: FlowBlock[] = [];
  const headline = total === 0
    ? 'There are no workloads in this scope yet.'
    : `${m.statusCounts.on_track + m.statusCounts.tight === 0 ? `None of the ${total} workloads` : `${m.statusCounts.on_track + m.statusCounts.tight} of ${total} workloads`} can cut over before their internal sunset date; `
      + `${plural(m.statusCounts.compressed, 'workload')} ${m.statusCounts.compressed === 1 ? 'fits' : 'fit'} only with every step cut to its shortest, and ${plural(m.statusCounts.late, 'workload')} will not make it`
      + `${m.bridges.length > 0 ? ` (${plural(m.bridges.length, 'bridge')} proposed)` : ''}.`;
  blocks.push({
    key: 'summary-title', section: 'summary', keepWithNext: true,
    node: <SectionTitle n="1" title="Executive summary" lead={headline} />,
  });
  blocks.push({
    key: 'summary-figures', section: 'summary',
    node: (
      <div className="rm-figures">
        <Figure value={String(total)} label="workloads in scope" />
        <Figure value={portfolio.daysToDeadline >= 0 ? String(portfolio.daysToDeadline) : 'Passed'} label={`days to the training deadline (${longDate(portfolio.trainingDeadline)})`} />
        <Figure value={sunset ? longDate(sunset.date) : '—'} label="internal sunset date (earliest)" />
        <Figure value={String(m.atRisk.length)} label="workloads at risk (late or compressed)" emphasis={m.atRisk.length > 0} />
        <Figure value={String(m.affectedCommitments.length)} label="customer commitments affected" emphasis={m.affectedCommitments.length > 0} />
      </div>
    ),
  });
  blocks.push({
    key: 'summary-counts', section: 'summary',
    node: (
      <div className="rm-two">
        <table className="rm-table">
          <caption>Workloads by status</caption>
          <thead>{headRow([['Status', 100], ['Workloads', 70, 'num'], ['Share', 50, 'num'], ['Meaning']])}</thead>
          <tbody>
            {(['on_track', 'tight', 'compressed', 'late'] as const).map((s) => (
              <tr key={s}>
                <td><StatusMark status={s} /></td>
                <td className="rm-num">{m.statusCounts[s]}</td>
                <td className="rm-num">{total ? `${Math.round((m.statusCounts[s] / total) * 100)}%` : '—'}</td>
                <td className="rm-muted">{planStatusMeaning[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="rm-table">
          <caption>Workloads by recommended approach</caption>
          <thead>{headRow([['Approach'], ['Workloads', 70, 'num'], ['Share', 110]])}</thead>
          <tbody>
            {(Object.keys(m.approachCounts) as (keyof typeof m.approachCounts)[]).map((a) => (
              <tr key={a}>
                <td>{approachLongLabel[a]}</td>
                <td className="rm-num">{m.approachCounts[a]}</td>
                <td><span className="rm-meter"><span style={{ width: `${total ? (m.approachCounts[a] / total) * 100 : 0}%` }} /></span></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    ),
  });
  // The rule that set the internal sunset date is stated on the cover; the summary keeps to what is at risk.
  if (m.atRisk.length > 0) {
    blocks.push(summaryTable(
      'summary-risk', 'At-risk workloads',
      headRow([['Workload', '22%'], ['Client', '14%'], ['Status', '10%'], ['Cut-over', '10%'], ['Sunset date', '10%'], ['Overrun', '11%', 'num'], ['Before the training deadline?']]),
      m.atRisk.map((w) => (
        <tr key={w.workload.id}>
          <td><strong>{w.workload.name}</strong></td>
          <td>{m.clientName.get(w.workload.clientId)}</td>
          <td><StatusMark status={w.plan.status} /></td>
          <td>{dateNoBreak(w.plan.end)}</td>
          <td>{dateNoBreak(w.plan.sunset.date)}</td>
          <td className="rm-num">{w.plan.overrunDays > 0 ? plural(w.plan.overrunDays, 'working day') : '—'}</td>
          <td>{w.plan.endsBeforeTrainingDeadline ? (w.plan.status === 'late' ? 'Yes — the buffer is consumed' : 'Yes') : 'No — bridge required'}{w.plan.bridge?.level === 'recommended' ? '; bridge recommended' : ''}</td>
        </tr>
      )),
    ));
  }
  if (m.atRisk.length === 0) {
    blocks.push({ key: 'summary-risk-none', section: 'summary', node: <p className="rm-callout rm-callout--ok">No workload is at risk: every plan cuts over before its internal sunset date without compressing steps.</p> });
  }
  if (m.affectedCommitments.length > 0) {
    blocks.push(summaryTable(
      'summary-commitments', 'Commitments affected',
      headRow([['Customer', '18%'], ['Commitment', '16%'], ['Due', '9%'], ['Notice by', '9%'], ['Workloads at risk or cutting over after notice']]),
      m.affectedCommitments.map(({ commitment: c, workloads }) => (
        <tr key={c.id}>
          <td><strong>{c.customer}</strong></td>
          <td>{commitmentText(c)}</td>
          <td>{dateNoBreak(c.dueDate)}</td>
          <td>{dateNoBreak(noticeBy(c))}</td>
          <td>{workloads.map((w) => `${w.workload.name} (${planStatusLabel[w.plan.status].toLowerCase()}, ends ${dateNoBreak(w.plan.end)})`).join('; ')}</td>
        </tr>
      )),
    ));
  }
  if (m.bridges.length > 0) {
    blocks.push(summaryTable(
      'summary-bridges', 'Bridges: one last refresh of the old fine-tuned model before the training deadline (each explained in its workload\'s section)',
      headRow([['Workload', '26%'], ['Client', '18%'], ['Bridge', '16%'], ['Refresh by', '12%'], ['Cut-over', '12%'], ['Section']]),
      m.bridges.map((w) => (
        <tr key={w.workload.id}>
          <td><strong>{w.workload.name}</strong></td>
          <td>{m.clientName.get(w.workload.clientId)}</td>
          <td>{w.plan.bridge!.level === 'required' ? <strong className="rm-breach">Required</strong> : 'Recommended'}</td>
          <td>{dateNoBreak(w.plan.bridge!.refreshBy)}</td>
          <td>{dateNoBreak(w.plan.end)}</td>
          <td>{m.number.get(w.workload.id)}</td>
        </tr>
      )),
    ));
  }
  blocks.push(...costBlocks(m), ...changesBlocks(m));
  return blocks;
}

/** The rule that set a sunset date, in plain words: "Set by the training deadline minus 28 days for retest and rollback." */
export function sunsetRuleWords(sunset: { reason: string; source: string }, retestDays: number, rollbackDays: number): string {
  const buffer = retestDays + rollbackDays;
  switch (sunset.source) {
    case 'training_deadline': return `Set by the training deadline minus ${plural(buffer, 'day')} for retest and rollback.`;
    case 'inference_retirement': return `Set by the inference retirement date minus ${plural(buffer, 'day')} for retest and rollback.`;
    default: return sentence(`Set by the ${sunset.reason.charAt(0).toLowerCase()}${sunset.reason.slice(1)}`);
  }
}

/** Cost at volume in the summary: per client, today vs after migration; unknown parts are said, never summed as $0. */
function costBlocks(m: RoadmapModel): FlowBlock[] {
  if (m.lines.length === 0) return [];
  const { cost } = m;
  const partial = (v: PartialSum, parts: number) => formatPartialMoney(v, parts);
  const rows = cost.clients.map((c) => (
    <tr key={c.clientId}>
      <td><strong>{c.clientName}</strong></td>
      <td className="rm-num">{c.workloads}</td>
      <td className="rm-num">{partial(c.todayMonthly, c.workloads)}</td>
      <td className="rm-num">{partial(c.afterMonthly, c.workloads)}</td>
      <td className="rm-num">{partial(c.todayAnnual, c.workloads)}</td>
      <td className="rm-num">{partial(c.afterAnnual, c.workloads)}</td>
    </tr>
  ));
  if (cost.clients.length > 1) {
    const t = cost.total;
    rows.push(
      <tr key="total" className="rm-total">
        <td><strong>All clients</strong></td>
        <td className="rm-num">{t.workloads}</td>
        <td className="rm-num">{partial(t.todayMonthly, t.workloads)}</td>
        <td className="rm-num">{partial(t.afterMonthly, t.workloads)}</td>
        <td className="rm-num">{partial(t.todayAnnual, t.workloads)}</td>
        <td className="rm-num">{partial(t.afterAnnual, t.workloads)}</td>
      </tr>,
    );
  }
  return [summaryTable(
    'summary-cost', 'Cost at volume: monthly volume × cost per 1,000 tasks, today\'s fine-tuned model vs the selected (or cheapest evaluated) candidate; "unknown" where an input is missing',
    headRow([['Client', '24%'], ['Workloads', '9%', 'num'], ['Monthly today', undefined, 'num'], ['Monthly after', undefined, 'num'], ['Annual today', undefined, 'num'], ['Annual after', undefined, 'num']]),
    rows,
  )];
}

/** "Changes since <baseline>": one row per workload that moved, changed status or approach, appeared or went. */
function changesBlocks(m: RoadmapModel): FlowBlock[] {
  const diff = m.data.changes;
  if (!diff) return [];
  const caption = `Changes since ${diff.baseline.name} (set ${longDate(diff.baseline.takenAt)})`;
  if (diff.changes.length === 0) {
    return [{ key: 'summary-changes', section: 'summary', node: <p className="rm-callout rm-callout--ok"><strong>{caption}:</strong> nothing moved — every workload ends, stands and is planned as in the baseline.</p> }];
  }
  return [summaryTable(
    'summary-changes', `${caption}${diff.unchanged > 0 ? `; ${plural(diff.unchanged, 'other workload')} unchanged` : ''}`,
    headRow([['Workload', '22%'], ['Client', '14%'], ['Change', '9%'], ['What moved']]),
    diff.changes.map((c) => (
      <tr key={`${c.kind}-${c.workloadId}`}>
        <td><strong>{c.name}</strong></td>
        <td>{c.clientName}</td>
        <td>{c.kind === 'added' ? 'New' : c.kind === 'removed' ? 'Removed' : 'Changed'}</td>
        <td>{c.sentences.map((x) => datesInText(x)).join(' ')}</td>
      </tr>
    )),
  )];
}

/** A table of the summary section, split between rows across pages when it is long. */
function summaryTable(key: string, caption: string, head: ReactNode, rows: ReactNode[]): FlowBlock {
  return { key, section: 'summary', table: { caption, head, rows } };
}

function Figure({ value, label, emphasis }: { value: string; label: string; emphasis?: boolean }) {
  return (
    <div className={`rm-figure${emphasis ? ' rm-figure--alert' : ''}`}>
      <div className="rm-figure__value">{value}</div>
      <div className="rm-figure__label">{label}</div>
    </div>
  );
}

export function commitmentText(c: Commitment): string {
  switch (c.kind) {
    case 'accuracy': return `Accuracy ≥ ${c.threshold !== null ? pct(c.threshold) : '—'}`;
    case 'latency': return `p95 latency ≤ ${num(c.threshold)} ms`;
    case 'availability': return `Availability ≥ ${c.threshold !== null ? pct(c.threshold) : '—'}`;
    case 'residency': return c.description === 'on_prem' ? 'Data stays on premises' : `Data stays in ${c.description || '—'}`;
    default: return c.description || commitmentKindLabel[c.kind];
  }
}

// ---------- 3 One section per workload ----------

function EvaluationMatrix({ w, evaluations, commitments }: { w: PortfolioWorkload; evaluations: Evaluation[]; commitments: Commitment[] }) {
  // The same decision the Evaluation screen draws: shared/evaluation/flags.ts.
  const flags = matrixFlags(w.workload, commitments, evaluations);
  const limits = [...new Map(Object.values(flags).flat().map((f) => [f.limit, f])).values()];
  const selected = w.recommendation.selectedCandidate?.candidateId;
  const cell = (e: Evaluation, column: FlaggedColumn, text: string) => {
    const broken = (flags[e.candidateId] ?? []).filter((f) => f.column === column);
    if (broken.length === 0) return text;
    return <span className={broken.some((f) => f.hard) ? 'rm-breach' : 'rm-over'} title={broken.map((f) => f.why).join('; ')}>{broken.some((f) => f.hard) ? '✕' : '▲'} {text}</span>;
  };
  // Why a candidate is not eligible is a sentence or three: numbered under the table, not squeezed into a cell.
  const ineligible = evaluations.filter((e) => !e.eligible && e.ineligibleReason);
  return (
    <div>
      <table className="rm-table rm-table--dense">
        <caption>
          Evaluation matrix{limits.length > 0 ? ' — ✕ marks a cell that breaks a commitment, ▲ one above the workload\'s own target or today\'s cost' : ''}
        </caption>
        <thead>
          <tr>
            <th style={{ width: '15%' }}>Candidate</th><th style={{ width: '11%' }}>Approach</th><th className="rm-num">n</th><th className="rm-num">Cost / 1,000</th><th className="rm-num">p50 ms</th><th className="rm-num">p95 ms</th>
            <th className="rm-num">Accuracy</th><th className="rm-num">Grounded</th><th className="rm-num">Refusal</th><th className="rm-num">Halluc.</th><th className="rm-num">Win vs FT</th>
            <th>Data region</th><th className="rm-num">Explain.</th><th style={{ width: '7%' }}>Eligible</th>
          </tr>
        </thead>
        <tbody>
          {evaluations.map((e) => (
            <tr key={e.candidateId} className={e.candidateId === selected ? 'rm-selected' : undefined}>
              <td><strong>{e.candidateName}</strong>{e.candidateId === selected ? <span className="rm-tag">★ Selected</span> : null}</td>
              <td>{approachLongLabel[e.approach]}</td>
              <td className="rm-num">{num(e.sampleSize)}</td>
              <td className="rm-num">{cell(e, 'cost', e.costPer1k === null ? '—' : formatMoney(e.costPer1k))}</td>
              <td className="rm-num">{num(e.p50LatencyMs)}</td>
              <td className="rm-num">{cell(e, 'latency', num(e.p95LatencyMs))}</td>
              <td className="rm-num">{cell(e, 'accuracy', pct(e.accuracy))}</td>
              <td className="rm-num">{pct(e.groundedRate)}</td>
              <td className="rm-num">{pct(e.refusalRate)}</td>
              <td className="rm-num">{pct(e.hallucinationRate)}</td>
              <td className="rm-num">{pct(e.winRate)}</td>
              <td>{cell(e, 'region', `${e.dataRegion ?? '—'}${e.selfHostable ? ' (self-host)' : ''}`)}</td>
              <td className="rm-num">{e.explainability === null ? '—' : `${e.explainability}/5`}</td>
              <td>{e.eligible ? 'Yes' : <span className="rm-breach">✕ No{e.ineligibleReason ? ` (${ineligible.indexOf(e) + 1})` : ''}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {limits.length > 0 ? (
        <p className="rm-note rm-muted">Limits: {limits.map((f) => `${f.hard ? '✕' : '▲'} ${f.limit}`).join('; ')}.</p>
      ) : null}
      {ineligible.length > 0 ? (
        <ol className="rm-footnotes">
          {ineligible.map((e) => <li key={e.candidateId}><strong>{e.candidateName}</strong> is not eligible: {datesInText(e.ineligibleReason ?? '')}</li>)}
        </ol>
      ) : null}
    </div>
  );
}

export function workloadBlocks(m: RoadmapModel, w: PortfolioWorkload): FlowBlock[] {
  const { workload, profile, recommendation: r, plan } = w;
  const id = workload.id;
  const commitments = m.commitmentsOf(w);
  const evaluations = m.data.evaluations[id] ?? [];
  const candidates = m.data.candidates.filter((c) => c.workloadId === id);
  const blocks: FlowBlock[] = [];
  const facts: [string, string][] = [
    ['Client', m.clientName.get(workload.clientId) ?? '—'],
    ['Criticality', criticalityLabel[workload.criticality]],
    ['Deployment', deploymentLabel[workload.deployment]],
    ['Residency', workload.residency === null ? 'No constraint' : workload.residency === 'on_prem' ? 'On premises only' : workload.residency],
    ['Regulated', workload.regulated ? `Yes${workload.auditTrailRequired ? ', audit trail required' : ''}` : 'No'],
    ['Monthly volume', workload.monthlyVolume > 0 ? `${num(workload.monthlyVolume)} tasks` : 'unknown'],
    ['Latency target', workload.latencyTargetMs === null ? '—' : `p95 ≤ ${num(workload.latencyTargetMs)} ms`],
    ['Fine-tuned model', workload.fineTunedModel || '—'],
    ['Baseline', `accuracy ${pct(workload.baselineAccuracy)} · p95 ${workload.baselineP95Ms === null ? 'unknown' : `${num(workload.baselineP95Ms)} ms`} · ${workload.baselineCostPer1k === null ? 'cost unknown' : `${formatMoney(workload.baselineCostPer1k)} per 1,000 tasks`}`],
  ];
  blocks.push({
    key: `w${id}-head`, section: 'workloads', keepWithNext: true, workloadId: id,
    node: (
      <div className="rm-wl-head" data-workload-id={id}>
        <div className="rm-wl-head__title">
          <h3><span className="rm-section-title__n">{m.number.get(id)}</span>{workload.name}</h3>
          <StatusMark status={plan.status}>{statusLine(w)}</StatusMark>
        </div>
        <div className="rm-wl-head__grid">
          <dl className="rm-facts">
            {facts.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
          </dl>
          {profile ? (
            <div className="rm-profile">
              <div className="rm-subhead">Job profile{profile.confirmed ? '' : ' (not yet confirmed)'}</div>
              {JOBS.map((job) => (
                <div className="rm-profile__row" key={job}>
                  <span className="rm-profile__job">{jobLabel[job]}</span>
                  <span className="rm-meter rm-meter--wide"><span style={{ width: `${profile.weights[job]}%` }} /></span>
                  <span className="rm-num rm-profile__w">{profile.weights[job]}</span>
                  <span className="rm-muted rm-profile__src">{profile.sources[job]}</span>
                </div>
              ))}
            </div>
          ) : (
            <p className="rm-profile rm-profile--none"><strong>No job profile yet.</strong> Its jobs have not been classified (questionnaire or training-data analysis), so the recommendation below is a default.</p>
          )}
        </div>
      </div>
    ),
  });
  blocks.push({
    key: `w${id}-rec`, section: 'workloads', workloadId: id,
    node: (
      <div className="rm-rec">
        <div className="rm-subhead">Recommendation: {approachLongLabel[r.architecture]}</div>
        <p className="rm-parts">
          {r.architectureParts.length > 0 ? `${r.architectureParts.join(' · ')}. ` : ''}
          Confidence {r.confidence.level}{r.confidence.missing.length ? ` — missing: ${r.confidence.missing.join(', ')}` : ''}.
        </p>
        {r.components.length > 0 ? <table className="rm-table rm-table--dense">
          <thead>{headRow([['Job', '14%'], ['Weight', '8%', 'num'], ['Approach'], ['Rule', '10%']])}</thead>
          <tbody>
            {r.components.map((c) => (
              <tr key={c.job}>
                <td>{jobLabel[c.job]}</td>
                <td className="rm-num">{c.weight}</td>
                <td>{approachLongLabel[c.approach]}{c.override ? <div className="rm-muted">Overridden by {c.override.actor} (rules chose {approachLongLabel[c.ruleApproach]}): {c.override.reason}</div> : null}</td>
                <td><span className="rm-rule">{c.ruleId}</span></td>
              </tr>
            ))}
          </tbody>
        </table> : null}
        {r.selectedCandidate ? <p className="rm-note"><strong>Selected candidate: {r.selectedCandidate.name}.</strong> {sentence(r.selectedCandidate.reason)}</p> : null}
      </div>
    ),
  });
  if (r.trace.length > 0 || r.warnings.length > 0 || r.notes.length > 0) {
    blocks.push({
      key: `w${id}-trace`, section: 'workloads', workloadId: id,
      node: (
        <div className="rm-trace">
          <div className="rm-subhead">Rule trace</div>
          <ol className="rm-trace__list">
            {r.trace.map((t, i) => <li key={i}><span className="rm-rule">{t.ruleId}</span>{datesInText(t.text)}</li>)}
          </ol>
          {r.warnings.length > 0 ? (
            <ul className="rm-warnings">{r.warnings.map((n, i) => <li key={i}><strong>⚠ Warning{n.ruleId ? ` (${n.ruleId})` : ''}:</strong> {datesInText(n.text)}</li>)}</ul>
          ) : null}
          {r.notes.length > 0 ? (
            <ul className="rm-notes">{r.notes.map((n, i) => <li key={i}><strong>Note{n.ruleId ? ` (${n.ruleId})` : ''}:</strong> {datesInText(n.text)}</li>)}</ul>
          ) : null}
        </div>
      ),
    });
  }
  if (evaluations.length > 0) {
    blocks.push({ key: `w${id}-eval`, section: 'workloads', workloadId: id, node: <EvaluationMatrix w={w} evaluations={evaluations} commitments={commitments} /> });
  }
  if (candidates.length > 0) {
    blocks.push({
      key: `w${id}-gov`, section: 'workloads', workloadId: id,
      node: (
        <table className="rm-table rm-table--dense">
          <caption>Governance and sign-offs</caption>
          <thead>{headRow([['Candidate', '18%'], ['Data lives', '11%'], ['Who can inspect outputs', '15%'], ['Audit trail', '7%'], ['Legal'], ['Security'], ['Compliance']])}</thead>
          <tbody>
            {candidates.map((c) => {
              const g = m.data.governance.find((x) => x.candidateId === c.id);
              const so = (role: 'legal' | 'security' | 'compliance') => {
                const s = m.data.signOffs.find((x) => x.candidateId === c.id && x.role === role);
                if (!s) return <span className="rm-muted">Not asked</span>;
                const mark = s.status === 'approved' ? '✓' : s.status === 'rejected' ? '✕' : '…';
                return <span className={`rm-signoff rm-signoff--${s.status}`}>{mark} {signOffStatusLabel[s.status]}{s.by ? `, ${s.by}` : ''}{s.at ? ` ${dateNoBreak(s.at)}` : ''}</span>;
              };
              return (
                <tr key={c.id}>
                  <td><strong>{c.name}</strong></td>
                  <td>{g?.dataLocation || c.dataRegion || '—'}</td>
                  <td>{g?.inspectors || '—'}</td>
                  <td>{g ? (g.auditTrail ? 'Yes' : 'No') : '—'}</td>
                  <td>{so('legal')}</td><td>{so('security')}</td><td>{so('compliance')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ),
    });
  }
  blocks.push({
    key: `w${id}-plan`, section: 'workloads', workloadId: id,
    node: (
      <div className="rm-plan">
        <table className="rm-table rm-table--dense">
          <caption>Plan — starts {dateNoBreak(plan.start)}, cuts over {dateNoBreak(plan.end)}; internal sunset date {dateNoBreak(plan.sunset.date)}{plan.compressed ? `; at full durations it would cut over ${dateNoBreak(plan.fullEnd)}` : ''}</caption>
          <thead>{headRow([['#', 18], ['Step', '22%'], ['Start', 78], ['End', 78], ['Working days', 80, 'num'], ['Why this long']])}</thead>
          <tbody>
            {plan.steps.map((s) => (
              <tr key={s.step}>
                <td>{s.step}</td>
                <td>{s.name}</td>
                <td>{dateNoBreak(s.start)}</td>
                <td>{dateNoBreak(s.end)}</td>
                <td className="rm-num">{s.durationDays}{s.durationDays !== s.fullDays ? ` (of ${s.fullDays})` : ''}</td>
                <td className="rm-muted">{s.reasons.join('; ')}{s.capacityWaitDays > 0 ? `; waited ${plural(s.capacityWaitDays, 'working day')} for a team slot` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="rm-note"><strong>Sunset date {dateNoBreak(plan.sunset.date)}:</strong> {sentence(plan.sunset.reason)} {plan.explanation.map(sentence).join(' ')}</p>
        {plan.bridge ? <p className={`rm-callout${plan.bridge.red ? ' rm-callout--alert' : ' rm-callout--amber'}`}>{sentence(plan.bridge.text)}</p> : null}
        {commitments.length > 0 ? (
          <p className="rm-note"><strong>Commitments:</strong> {commitments.map((c) => `${c.customer} — ${commitmentText(c)}${c.dueDate ? `, due ${dateNoBreak(c.dueDate)}` : ''}`).join('; ')}.</p>
        ) : null}
      </div>
    ),
  });
  return blocks;
}

// ---------- 4 Commitments register ----------

export function registerBlocks(m: RoadmapModel): FlowBlock[] {
  const sorted = [...m.data.commitments].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.customer.localeCompare(b.customer));
  const blocks: FlowBlock[] = [{
    key: 'register-title', section: 'register', keepWithNext: true,
    node: <SectionTitle n="4" title="Commitments register" lead={`${plural(sorted.length, 'commitment')} to customers that the migrations must keep, by due date. Notice by = due date minus the notice period.`} />,
  }];
  if (sorted.length > 0) {
    blocks.push({
      key: 'register', section: 'register',
      table: {
        caption: 'Commitments',
        className: 'rm-table--dense',
        head: headRow([['Customer', '14%'], ['Client', '10%'], ['Commitment', '13%'], ['Due', '9%'], ['Notice', '7%', 'num'], ['Notice by', '9%'], ['Workloads'], ['Penalty', '10%']]),
        rows: sorted.map((c) => (
          <tr key={c.id}>
            <td><strong>{c.customer}</strong></td>
            <td>{m.clientName.get(c.clientId) ?? '—'}</td>
            <td>{commitmentText(c)}</td>
            <td>{dateNoBreak(c.dueDate)}</td>
            <td className="rm-num">{plural(c.noticeDays, 'day')}</td>
            <td>{dateNoBreak(noticeBy(c))}</td>
            <td>{c.workloadIds.length === 0 ? `All of the client's (${m.workloadsOf(c).length})` : m.workloadsOf(c).map((w) => w.workload.name).join(', ')}</td>
            <td>{c.penalty ?? '—'}</td>
          </tr>
        )),
      },
    });
  }
  if (sorted.length === 0) blocks.push({ key: 'register-none', section: 'register', node: <p className="rm-muted">No commitments are recorded for this scope.</p> });
  return blocks;
}

/** The workloads section's title, before the first workload's blocks. */
export function workloadsTitleBlock(): FlowBlock {
  return {
    key: 'workloads-title', section: 'workloads', keepWithNext: true,
    node: <SectionTitle n="3" title="Workloads" lead="For each workload: what the fine-tuned model does, what replaces it and why (every rule that fired), the evidence, the sign-offs and the dated plan." />,
  };
}

/** Every flowing block of the workloads at hand. */
export function flowBlocks(m: RoadmapModel): Record<SectionId, FlowBlock[]> {
  const workloads: FlowBlock[] = [workloadsTitleBlock()];
  for (const w of m.workloads) workloads.push(...workloadBlocks(m, w));
  return { summary: summaryBlocks(m), workloads, register: registerBlocks(m) };
}
