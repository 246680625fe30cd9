// Words shown for the domain's enumerations, in one place: screens and the printed roadmap both read them here.
import {
  COMMITMENT_KINDS, CONTRACT_PARTIES, CRITICALITIES, DEADLINE_EVENT_KINDS, DEPLOYMENTS,
  KNOWLEDGE_CHANGE_FREQUENCIES, WORKLOAD_KINDS,
} from '../shared/domain/types.ts';
import { APPROACH_NAMES, APPROACH_SHORT_NAMES } from '../shared/domain/approachNames.ts';
import { formatDate as formatLongDate, formatNumber as formatGrouped, plural as pluralOf } from '../shared/format.ts';
import type {
  Approach, CommitmentKind, ContractParty, Criticality, DeadlineEventKind, Deployment, Job, JobWeightSource,
  KnowledgeChangeFrequency, PlanStatus, SignOffRole, SignOffStatus, WorkloadKind,
} from '../shared/domain/types.ts';

export const criticalityLabel: Record<Criticality, string> = {
  business_critical: 'Business-critical',
  important: 'Important',
  experimental: 'Experimental',
};
export const deploymentLabel: Record<Deployment, string> = { cloud: 'Cloud', edge: 'Edge', on_prem: 'On-prem' };
export const workloadKindLabel: Record<WorkloadKind, string> = { product: 'Product', workflow: 'Workflow', feature: 'Feature' };
export const frequencyLabel: Record<KnowledgeChangeFrequency, string> = {
  daily: 'Daily', weekly: 'Weekly', monthly: 'Monthly', quarterly: 'Quarterly', rarely: 'Rarely',
};
export const commitmentKindLabel: Record<CommitmentKind, string> = {
  accuracy: 'Accuracy', latency: 'Latency (p95)', residency: 'Data residency', availability: 'Availability', other: 'Other',
};
export const partyLabel: Record<ContractParty, string> = { vendor: 'Vendor contract', client: 'Client contract' };
export const eventKindLabel: Record<DeadlineEventKind, string> = {
  training_deadline: 'Training deadline', inference_retirement: 'Inference retirement', other: 'Other',
};

/** One name per approach everywhere (screens, print, CSV, CLI): see shared/domain/approachNames.ts. */
export const approachLabel: Record<Approach, string> = APPROACH_NAMES;
/** Short forms for tables and counts. */
export const approachShort: Record<Approach, string> = APPROACH_SHORT_NAMES;
/** Kept for the print view's callers: the same names as the screens. */
export const approachLongLabel: Record<Approach, string> = APPROACH_NAMES;

export const jobLabel: Record<Job, string> = {
  knowledge: 'Knowledge',
  format: 'Format',
  style: 'Style',
  behavior: 'Behavior',
  ranking: 'Ranking',
};
export const jobHint: Record<Job, string> = {
  knowledge: 'facts that change',
  format: 'output structure',
  style: 'tone and voice',
  behavior: 'a fixed decision',
  ranking: 'ordering from preferences',
};
export const sourceLabel: Record<JobWeightSource, string> = {
  questionnaire: 'Questionnaire',
  analysis: 'Training-data analysis',
  manual: 'Manual',
  workshop: 'Workshop',
};
export const confidenceLabel = { high: 'High confidence', medium: 'Medium confidence', low: 'Low confidence' } as const;

export const planStatusLabel: Record<PlanStatus, string> = { on_track: 'On track', tight: 'Tight', compressed: 'Compressed', late: 'Late' };
/** The printed legend's sentence for each status. */
export const planStatusMeaning: Record<PlanStatus, string> = {
  on_track: 'Cuts over before the sunset date with 5 or more working days to spare',
  tight: 'Cuts over before the sunset date with less than 5 working days to spare',
  compressed: 'Fits only with every step cut to its shortest',
  late: 'Ends after the sunset date even with every step cut to its shortest',
};
export const signOffRoleLabel: Record<SignOffRole, string> = { legal: 'Legal', security: 'Security', compliance: 'Compliance' };
export const signOffStatusLabel: Record<SignOffStatus, string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected' };

export const STEP_NAMES = [
  'Audit the workload',
  'Classify the jobs',
  'Benchmark the alternatives',
  'Map governance and data constraints',
  'Pilot the architecture',
  'Set the deadline and cut over',
] as const;

const opts = <V extends string>(values: readonly V[], labels: Record<V, string>) => values.map((value) => ({ value, label: labels[value] }));
export const criticalityOptions = opts(CRITICALITIES, criticalityLabel);
export const deploymentOptions = opts(DEPLOYMENTS, deploymentLabel);
export const workloadKindOptions = opts(WORKLOAD_KINDS, workloadKindLabel);
export const frequencyOptions = opts(KNOWLEDGE_CHANGE_FREQUENCIES, frequencyLabel);
export const commitmentKindOptions = opts(COMMITMENT_KINDS, commitmentKindLabel);
export const partyOptions = opts(CONTRACT_PARTIES, partyLabel);
export const eventKindOptions = opts(DEADLINE_EVENT_KINDS, eventKindLabel);

/** Numbers with thousands separators (shared/format.ts); unknown is a dash, never zero. */
export const formatNumber = (n: number | null | undefined, digits?: number): string => (n === null || n === undefined ? '—' : formatGrouped(n, digits));
/** Screens show ISO dates (they sort and match the date fields); print uses longDate. */
export const formatDate = (d: string | null | undefined): string => d ?? '—';
/** "9 Dec 2026": the print and sentence style. */
export const longDate = (d: string | null | undefined): string => (d ? formatLongDate(d) : '—');
export const plural = (n: number, one: string, many = `${one}s`): string => pluralOf(n, one, many);
/** "2026-11-25T10:03:00.000Z" → "2026-11-25". */
export const dayOf = (iso: string): string => iso.slice(0, 10);
