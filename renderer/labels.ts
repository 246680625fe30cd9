// Words shown for the domain's enumerations, in one place.
import {
  COMMITMENT_KINDS, CONTRACT_PARTIES, CRITICALITIES, DEADLINE_EVENT_KINDS, DEPLOYMENTS,
  KNOWLEDGE_CHANGE_FREQUENCIES, WORKLOAD_KINDS,
} from '../shared/domain/types.ts';
import type {
  CommitmentKind, ContractParty, Criticality, DeadlineEventKind, Deployment, KnowledgeChangeFrequency, WorkloadKind,
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

export const formatNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'));
export const formatDate = (d: string | null | undefined): string => d ?? '—';
export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
