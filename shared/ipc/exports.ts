// Channels of the exports area: the roadmap's data for the print view, and the file exports (PDF, iCalendar, CSV, JSON).
import { z } from 'zod';
import { query } from './contract.ts';
import { isoDate } from './inventory.ts';
import type {
  Candidate, Client, Commitment, Contract, DeadlineEvent, Evaluation, GovernanceEntry, IsoDate, SignOff, Workload,
} from '../domain/types.ts';
import type { Portfolio, PortfolioWorkload } from '../portfolio.ts';
import type { BaselineDiff } from '../plan/baselineDiff.ts';
import type { PortfolioCost } from '../plan/cost.ts';
import type { Recommendation } from '../decision/types.ts';
import type { SunsetDate, WorkloadPlan } from '../plan/types.ts';

const id = z.number().int().positive();

export const PAPER_SIZES = ['A4', 'Letter'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Everything the roadmap print view shows, for one client or the whole workspace, on one day. */
export interface RoadmapData {
  /** The client's name, or "All clients" when the roadmap covers the whole workspace. */
  title: string;
  scope: { clientId: number | null; clientName: string | null };
  workspaceName: string;
  /** The day the plan is computed for (the roadmap's "generated on" date). */
  today: IsoDate;
  portfolio: Portfolio;
  clients: Client[];
  commitments: Commitment[];
  contracts: Contract[];
  candidates: Candidate[];
  /** Aggregated evaluation matrix per workload id (only workloads with candidates). */
  evaluations: Record<number, Evaluation[]>;
  governance: GovernanceEntry[];
  signOffs: SignOff[];
  events: DeadlineEvent[];
  retestDays: number;
  rollbackDays: number;
  /** Blackout periods of the policy (the timeline draws them). */
  blackouts?: { name: string; start: IsoDate; end: IsoDate }[];
  /** What moved since the newest baseline, in this scope; null when no baseline was set. */
  changes?: BaselineDiff | null;
}

/**
 * A workload as the roadmap as a whole reads it: its order, the counts, the at-risk and bridge tables, the register and
 * the timeline's date axis. A PortfolioWorkload is one; its own section and timeline row need the whole of it.
 */
export interface RoadmapLine {
  workload: Pick<Workload, 'id' | 'clientId' | 'name'>;
  recommendation: Pick<Recommendation, 'architecture'>;
  plan: Pick<WorkloadPlan, 'status' | 'start' | 'end' | 'fullEnd' | 'overrunDays' | 'endsBeforeTrainingDeadline' | 'bridge'> & { sunset: Pick<SunsetDate, 'date'> };
}

/**
 * The roadmap without its workloads' detail, for a printer that prints it in chunks: every workload as a line, and
 * what the cover, summary and register show. Each chunk then asks for the detail of its own workloads only.
 */
export interface RoadmapOutline extends Omit<RoadmapData, 'portfolio' | 'candidates' | 'evaluations' | 'governance' | 'signOffs'> {
  portfolio: Omit<Portfolio, 'workloads'> & { workloads: RoadmapLine[] };
  /** Cost at volume per client and in total (the summary's table). */
  cost: Pick<PortfolioCost, 'clients' | 'total'>;
}

/** The detail of some workloads of a roadmap: what their sections and timeline rows draw. */
export type RoadmapDetail = Pick<RoadmapData, 'candidates' | 'evaluations' | 'governance' | 'signOffs'> & { workloads: PortfolioWorkload[] };

/** The most workloads one roadmap.detail call answers (a chunk of pages shows far fewer). */
export const MAX_DETAIL_WORKLOADS = 2000;

/** What a file export answers: where it was written; null when the user cancelled the save dialog. */
export type ExportResult = { path: string; pages?: number } | null;

const scope = { clientId: id.optional(), today: isoDate.optional() };

export const exportsChannels = {
  /** The roadmap's content (portfolio, commitments, evaluation matrices, sign-offs) for the print view. */
  'roadmap.data': query<RoadmapData>()(z.object(scope).default({})),
  /** The roadmap without its workloads' detail (a printer printing in chunks asks for that chunk by chunk). */
  'roadmap.outline': query<RoadmapOutline>()(z.object(scope).default({})),
  /** The detail of the named workloads of the roadmap (in the order asked), for the pages of one chunk. */
  'roadmap.detail': query<RoadmapDetail>()(z.object({ ...scope, workloadIds: z.array(id).max(MAX_DETAIL_WORKLOADS) })),
  /** Asks where to save, prints the roadmap print view to PDF (landscape) and writes it. */
  'export.roadmapPdf': query<ExportResult>()(z.object({ ...scope, paper: z.enum(PAPER_SIZES).default('A4') }).default({ paper: 'A4' })),
  /** Milestones (training deadline, sunsets, bridge refresh-by, commitment due and notice-by dates; step ends when `steps`) as iCalendar. */
  'export.ics': query<ExportResult>()(z.object({ ...scope, steps: z.boolean().default(false) }).default({ steps: false })),
  /** The plan, one row per step of every workload, as CSV. */
  'export.planCsv': query<ExportResult>()(z.object(scope).default({})),
  /** The whole workspace as JSON (the shape `cli export` prints). */
  'export.workspaceJson': query<ExportResult>()(z.object({}).default({})),
} as const;

/** The print view's route (hash path) for a roadmap; Electron, the CLI and the preview all print this one. */
export function roadmapRoute(options: { paper: PaperSize; clientId?: number | null; today?: IsoDate | null }): string {
  return `/print/roadmap/${options.paper}/${options.clientId ?? 'all'}/${options.today ?? 'today'}`;
}
