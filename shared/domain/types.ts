// Domain vocabulary of Offramp (see DESIGN.md). Plain data only: every date is an ISO yyyy-MM-dd string.

export type IsoDate = string;

export const JOBS = ['knowledge', 'format', 'style', 'behavior', 'ranking'] as const;
export type Job = (typeof JOBS)[number];

export const APPROACHES = ['rag', 'prompting', 'open_weight', 'preference', 'multi_model'] as const;
export type Approach = (typeof APPROACHES)[number];

export const CRITICALITIES = ['business_critical', 'important', 'experimental'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export const DEPLOYMENTS = ['cloud', 'edge', 'on_prem'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

export const KNOWLEDGE_CHANGE_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'rarely'] as const;
export type KnowledgeChangeFrequency = (typeof KNOWLEDGE_CHANGE_FREQUENCIES)[number];

export const WORKLOAD_KINDS = ['product', 'workflow', 'feature'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const JOB_WEIGHT_SOURCES = ['questionnaire', 'analysis', 'manual', 'workshop'] as const;
export type JobWeightSource = (typeof JOB_WEIGHT_SOURCES)[number];

export const COMMITMENT_KINDS = ['accuracy', 'latency', 'residency', 'availability', 'other'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

export const CONTRACT_PARTIES = ['vendor', 'client'] as const;
export type ContractParty = (typeof CONTRACT_PARTIES)[number];

export const SIGN_OFF_ROLES = ['legal', 'security', 'compliance'] as const;
export type SignOffRole = (typeof SIGN_OFF_ROLES)[number];

export const SIGN_OFF_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type SignOffStatus = (typeof SIGN_OFF_STATUSES)[number];

export const PLAN_STATUSES = ['on_track', 'tight', 'compressed', 'late'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const DEADLINE_EVENT_KINDS = ['training_deadline', 'inference_retirement', 'other'] as const;
export type DeadlineEventKind = (typeof DEADLINE_EVENT_KINDS)[number];

export interface Client {
  id: number;
  name: string;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

/** residency: null = no constraint, a region such as "EU", or "on_prem" (data may not leave the client's infrastructure). */
export interface Workload {
  id: number;
  clientId: number;
  name: string;
  kind: WorkloadKind;
  fineTunedModel: string;
  baseModel: string;
  owner: string;
  criticality: Criticality;
  deployment: Deployment;
  residency: string | null;
  regulated: boolean;
  auditTrailRequired: boolean;
  monthlyVolume: number;
  latencyTargetMs: number | null;
  pairwiseFeedback: number;
  knowledgeChangeFrequency: KnowledgeChangeFrequency;
  baselineAccuracy: number | null;
  baselineP95Ms: number | null;
  baselineCostPer1k: number | null;
  startDate: IsoDate | null;
  retrainCadenceDays: number | null;
  lastRetrainDate: IsoDate | null;
  /**
   * Priority a workshop vote gave the workload within its client (1 = first); the capacity scheduler serves
   * ranked workloads before unranked ones. Absent or null: not ranked. Always present on workloads read back.
   */
  priorityRank?: number | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
}

export type JobWeights = Record<Job, number>;

export interface JobProfile {
  workloadId: number;
  weights: JobWeights;
  sources: Record<Job, JobWeightSource>;
  /** false while the profile is only a guess (defaults or unreviewed analysis). */
  confirmed: boolean;
  /** Evidence sentences, e.g. from training-data analysis. */
  evidence: string[];
  /** Raw questionnaire answers that produced the profile, if any. */
  answers: Record<string, unknown> | null;
}

export interface Contract {
  id: number;
  clientId: number | null;
  name: string;
  party: ContractParty;
  counterparty: string;
  /** Renewal or end date. */
  renewalDate: IsoDate | null;
  noticeDays: number;
  notes: string;
  workloadIds: number[];
}

export interface Commitment {
  id: number;
  clientId: number;
  customer: string;
  kind: CommitmentKind;
  /** accuracy: 0..1 minimum; latency: p95 ms maximum; availability: 0..1; otherwise null. */
  threshold: number | null;
  /** residency: the region required (e.g. "EU" or "on_prem"); free text for other kinds. */
  description: string;
  dueDate: IsoDate | null;
  noticeDays: number;
  penalty: string | null;
  workloadIds: number[];
}

export interface Candidate {
  id: number;
  workloadId: number;
  name: string;
  approach: Approach;
  /** true when the team can run it on its own infrastructure (needed under on_prem residency). */
  selfHostable: boolean;
  /** Region where data is processed, e.g. "EU", "US", "on_prem". */
  dataRegion: string | null;
  /** Hours for a knowledge change to reach answers (typed by the user). */
  policyUpdateHours: number | null;
  /** Explainability for auditors, 1 (opaque) to 5 (every answer traceable). */
  explainability: number | null;
  notes: string;
}

/** One measured task of one candidate (raw row, aggregated in the app). */
export interface EvaluationRow {
  candidateId: number;
  taskId: string;
  latencyMs: number | null;
  costUsd: number | null;
  correct: boolean | null;
  grounded: boolean | null;
  refused: boolean | null;
  hallucinated: boolean | null;
  /** Whether this output beat the fine-tuned baseline on the same task, when judged. */
  winVsBaseline: boolean | null;
}

/** Aggregated metrics of one candidate: the evaluation as DESIGN.md means it. */
export interface Evaluation {
  candidateId: number;
  workloadId: number;
  candidateName: string;
  approach: Approach;
  selfHostable: boolean;
  dataRegion: string | null;
  sampleSize: number;
  costPer1k: number | null;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  accuracy: number | null;
  groundedRate: number | null;
  refusalRate: number | null;
  hallucinationRate: number | null;
  winRate: number | null;
  policyUpdateHours: number | null;
  explainability: number | null;
  /** false when governance makes it ineligible (e.g. a regulated client without the three approvals). */
  eligible: boolean;
  ineligibleReason: string | null;
}

export interface GovernanceEntry {
  workloadId: number;
  candidateId: number;
  dataLocation: string;
  inspectors: string;
  auditTrail: boolean;
}

export interface SignOff {
  candidateId: number;
  role: SignOffRole;
  status: SignOffStatus;
  by: string;
  at: IsoDate | null;
}

export interface DeadlineEvent {
  id: string;
  name: string;
  date: IsoDate;
  kind: DeadlineEventKind;
}

export interface BlackoutPeriod {
  name: string;
  start: IsoDate;
  end: IsoDate;
}

export interface DeadlinePolicy {
  events: DeadlineEvent[];
  retestDays: number;
  rollbackDays: number;
  holidays: IsoDate[];
  blackouts: BlackoutPeriod[];
  /** At most this many workloads in steps 3–5 at once; null = unlimited. */
  capacity: number | null;
  /** Base durations in working days of steps 1..6. */
  stepDurations: [number, number, number, number, number, number];
}

export const DEFAULT_TRAINING_DEADLINE: IsoDate = '2027-01-06';

export const DEFAULT_POLICY: DeadlinePolicy = {
  events: [{ id: 'training', name: 'Vendor stops new training jobs', date: DEFAULT_TRAINING_DEADLINE, kind: 'training_deadline' }],
  retestDays: 14,
  rollbackDays: 14,
  holidays: [],
  blackouts: [],
  capacity: null,
  stepDurations: [5, 3, 10, 5, 5, 5],
};

export interface RecommendationOverride {
  workloadId: number;
  job: Job;
  approach: Approach;
  reason: string;
  actor: string;
  at: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: 'create' | 'update' | 'delete' | 'undo' | 'redo' | 'import';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}
