// The matrix's columns: which metric, how it is shown, and which hard-constraint kind a broken cell names.
import type { Evaluation } from '../../../shared/domain/types.ts';
import type { HardConstraintKind } from '../../../shared/decision/constraints.ts';
import { formatMoney, formatNumber } from '../../../shared/format.ts';

export interface MetricColumn {
  key: string;
  label: string;
  /** Shown under the label, e.g. the unit or "lower is better". */
  hint?: string;
  value(e: Evaluation): string;
  /** Cells of this column are marked when a constraint of this kind is not met. */
  constraint?: HardConstraintKind;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const ms = (v: number | null) => (v === null ? '—' : `${formatNumber(v, 0)} ms`);
const usd = (v: number | null) => (v === null ? '—' : formatMoney(v));
const hours = (v: number | null) => (v === null ? '—' : v < 48 ? `${v} h` : `${Math.round(v / 24)} days`);

export const METRIC_COLUMNS: MetricColumn[] = [
  { key: 'n', label: 'n', hint: 'tasks', value: (e) => formatNumber(e.sampleSize) },
  { key: 'cost', label: 'Cost per 1k', value: (e) => usd(e.costPer1k) },
  {
    key: 'latency', label: 'Latency', hint: 'p50 / p95', constraint: 'latency',
    value: (e) => (e.p50LatencyMs === null && e.p95LatencyMs === null ? '—' : `${ms(e.p50LatencyMs).replace(' ms', '')} / ${ms(e.p95LatencyMs)}`),
  },
  { key: 'accuracy', label: 'Accuracy', value: (e) => pct(e.accuracy), constraint: 'accuracy' },
  { key: 'grounded', label: 'Grounded', value: (e) => pct(e.groundedRate) },
  { key: 'refusal', label: 'Refusal', value: (e) => pct(e.refusalRate) },
  { key: 'hallucination', label: 'Halluci\u00ADnation', value: (e) => pct(e.hallucinationRate) },
  { key: 'win', label: 'Win rate', hint: 'vs today', value: (e) => pct(e.winRate) },
  { key: 'region', label: 'Data region', hint: '', value: (e) => (e.dataRegion ?? '—') + (e.selfHostable ? ' (self-host)' : ''), constraint: 'residency' },
  { key: 'policy', label: 'Policy update', hint: 'time', value: (e) => hours(e.policyUpdateHours) },
  { key: 'explain', label: 'Explain\u00ADability', hint: '1–5', value: (e) => (e.explainability === null ? '—' : `${e.explainability} / 5`) },
];
