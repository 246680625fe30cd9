// The whole workspace as one plain value: the CLI's JSON export/import shape and the engine's input.
import type {
  Candidate, Client, Commitment, Contract, DeadlinePolicy, EvaluationRow, GovernanceEntry,
  JobProfile, RecommendationOverride, SignOff, Workload,
} from './types.ts';
import type { SnapshotWorkshop } from './snapshotWorkshops.ts';
import type { SnapshotBaseline } from './snapshotBaselines.ts';

export const SNAPSHOT_FORMAT = 'offramp-workspace';
/** 2: workshops carry their agenda items, notes, decisions, actions, votes and classifications (version 1 files still import). */
export const SNAPSHOT_VERSION = 2;
/** Versions an import reads. */
export const READABLE_SNAPSHOT_VERSIONS = [1, 2] as const;

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
  workshops: SnapshotWorkshop[];
  /** Named, dated plans (review cycle); absent in files from before baselines, and in the engine's own snapshots. */
  baselines?: SnapshotBaseline[];
  policy: DeadlinePolicy;
}
