// The whole workspace as one plain value: the CLI's JSON export/import shape and the engine's input.
import type {
  Candidate, Client, Commitment, Contract, DeadlinePolicy, EvaluationRow, GovernanceEntry,
  JobProfile, RecommendationOverride, SignOff, Workload, Workshop,
} from './types.ts';

export const SNAPSHOT_FORMAT = 'offramp-workspace';
export const SNAPSHOT_VERSION = 1;

export interface WorkspaceSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  exportedAt: string;
  clients: Client[];
  workloads: Workload[];
  jobProfiles: JobProfile[];
  contracts: Contract[];
  commitments: Commitment[];
  candidates: Candidate[];
  evaluationRows: EvaluationRow[];
  governance: GovernanceEntry[];
  signOffs: SignOff[];
  overrides: RecommendationOverride[];
  workshops: Workshop[];
  policy: DeadlinePolicy;
}
