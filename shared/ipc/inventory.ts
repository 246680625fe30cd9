// Channels of the workspace foundation: workspace file, clients, workloads, contracts, commitments, policy, undo, audit.
import { z } from 'zod';
import { mutation, query } from './contract.ts';
import {
  COMMITMENT_KINDS, CONTRACT_PARTIES, CRITICALITIES, DEADLINE_EVENT_KINDS, DEPLOYMENTS, JOBS,
  JOB_WEIGHT_SOURCES, KNOWLEDGE_CHANGE_FREQUENCIES, WORKLOAD_KINDS,
} from '../domain/types.ts';
import type {
  AuditEntry, Client, Commitment, Contract, DeadlinePolicy, JobProfile, Workload,
} from '../domain/types.ts';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01 (yyyy-MM-dd)')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real calendar date');
const id = z.number().int().positive();
// Control characters (a NUL from a damaged file) are refused: SQLite would count "\0" as an empty name.
const name = z.string().trim().min(1, 'Give it a name').max(200, 'Keep it under 200 characters')
  // eslint-disable-next-line no-control-regex -- control characters are what this rule refuses
  .refine((s) => !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(s), 'Remove the control characters (such as NUL or a line break) from the name');
/** The name rule of clients, workloads and contracts (forms, IPC and importers). */
export { name as entityName };
const share = z.number().min(0, 'Use a value from 0 to 1').max(1, 'Use a value from 0 to 1 (e.g. 0.95 for 95%)');
const nonNegInt = z.number().int('Use a whole number').min(0, 'Cannot be negative');

export const workloadInput = z.object({
  clientId: id,
  name,
  kind: z.enum(WORKLOAD_KINDS).default('product'),
  fineTunedModel: z.string().max(300).default(''),
  baseModel: z.string().max(200).default(''),
  owner: z.string().max(200).default(''),
  criticality: z.enum(CRITICALITIES).default('important'),
  deployment: z.enum(DEPLOYMENTS).default('cloud'),
  residency: z.string().trim().max(100).nullable().default(null).transform((s) => (s === '' ? null : s)),
  regulated: z.boolean().default(false),
  auditTrailRequired: z.boolean().default(false),
  monthlyVolume: nonNegInt.default(0),
  latencyTargetMs: z.number().positive('Latency target must be above 0 ms').nullable().default(null),
  pairwiseFeedback: nonNegInt.default(0),
  knowledgeChangeFrequency: z.enum(KNOWLEDGE_CHANGE_FREQUENCIES).default('monthly'),
  baselineAccuracy: share.nullable().default(null),
  baselineP95Ms: z.number().positive('p95 latency must be above 0 ms').nullable().default(null),
  baselineCostPer1k: z.number().min(0, 'Cost cannot be negative').nullable().default(null),
  startDate: isoDate.nullable().default(null),
  retrainCadenceDays: z.number().positive().nullable().default(null),
  lastRetrainDate: isoDate.nullable().default(null),
  /** Set by applying a workshop vote; absent on an update keeps the current rank. */
  priorityRank: z.number().int('Use a whole number').min(1, 'Rank 1 is the first').nullable().optional(),
  notes: z.string().max(20_000).default(''),
});
export type WorkloadInput = z.input<typeof workloadInput>;

export const jobProfileInput = z.object({
  workloadId: id,
  weights: z.object(Object.fromEntries(JOBS.map((j) => [j, z.number().min(0).max(100)])) as Record<(typeof JOBS)[number], z.ZodNumber>),
  sources: z.object(Object.fromEntries(JOBS.map((j) => [j, z.enum(JOB_WEIGHT_SOURCES)])) as Record<(typeof JOBS)[number], z.ZodEnum<{ questionnaire: 'questionnaire'; analysis: 'analysis'; manual: 'manual'; workshop: 'workshop' }>>),
  confirmed: z.boolean(),
  evidence: z.array(z.string().max(2000)).max(200).default([]),
  answers: z.record(z.string(), z.unknown()).nullable().default(null),
});

export const contractInput = z.object({
  clientId: id.nullable().default(null),
  name,
  party: z.enum(CONTRACT_PARTIES).default('client'),
  counterparty: z.string().max(200).default(''),
  renewalDate: isoDate.nullable().default(null),
  noticeDays: nonNegInt.default(0),
  notes: z.string().max(20_000).default(''),
  workloadIds: z.array(id).default([]),
});

export const commitmentInput = z.object({
  clientId: id,
  customer: z.string().trim().min(1, 'Name the customer this promise is made to').max(200),
  kind: z.enum(COMMITMENT_KINDS),
  threshold: z.number().nullable().default(null),
  description: z.string().max(2000).default(''),
  dueDate: isoDate.nullable().default(null),
  noticeDays: nonNegInt.default(0),
  penalty: z.string().max(500).nullable().default(null),
  workloadIds: z.array(id).default([]),
}).superRefine((c, ctx) => {
  if (c.kind === 'accuracy' || c.kind === 'availability') {
    if (c.threshold === null || c.threshold < 0 || c.threshold > 1) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: `An ${c.kind} commitment needs a threshold from 0 to 1 (e.g. 0.95)` });
    }
  }
  if (c.kind === 'latency' && (c.threshold === null || c.threshold <= 0)) {
    ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'A latency commitment needs a p95 threshold in ms above 0' });
  }
});

export const policyInput = z.object({
  events: z.array(z.object({ id: z.string().min(1), name, date: isoDate, kind: z.enum(DEADLINE_EVENT_KINDS) }))
    .refine((e) => e.some((x) => x.kind === 'training_deadline'), 'Keep one training deadline event'),
  retestDays: nonNegInt.max(365),
  rollbackDays: nonNegInt.max(365),
  holidays: z.array(isoDate),
  blackouts: z.array(z.object({ name: z.string().max(200), start: isoDate, end: isoDate }).refine((b) => b.start <= b.end, { message: 'A blackout must end on or after its start', path: ['end'] })),
  capacity: z.number().int().min(1, 'Capacity is at least 1 workload (or leave it empty for no limit)').nullable(),
  stepDurations: z.tuple([nonNegInt, nonNegInt, nonNegInt, nonNegInt, nonNegInt, nonNegInt]),
});

export const preferencesSchema = z.object({
  actorName: z.string().trim().min(1, 'Give a name to show in the audit log').max(100),
});
export type Preferences = z.output<typeof preferencesSchema>;

/** A recent workspace as the renderer sees it: opened by id (the main process keeps the path). */
export interface RecentWorkspace {
  id: string;
  name: string;
  /** The folder, for display only. */
  folder: string;
}

/** The file that was refused on the last open, and the newest good backup of it that can be opened instead. */
export interface RefusedWorkspace {
  name: string;
  /** null when no good backup exists (nothing is offered then). */
  backup: { takenAt: string } | null;
}

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  backupPath: string | null;
  canUndo: boolean;
  canRedo: boolean;
  /** What Undo would take back, in words ("delete client Harbor Bank"); after an undo, redoLabel names what was undone. */
  undoLabel: string | null;
  redoLabel: string | null;
}

const empty = z.object({}).strict().default({});
const byId = z.object({ id }).strict();

// Workspace files: the renderer never names a path. The main process asks the user (native dialog) and answers
// null when they cancel; recent files are opened by id.
export const inventoryChannels = {
  // workspace file
  'workspace.current': query<WorkspaceInfo | null>()(empty),
  /** Asks where to create a new workspace and opens it. */
  'workspace.create': query<WorkspaceInfo | null>()(empty),
  /** Asks which workspace to open and opens it. */
  'workspace.open': query<WorkspaceInfo | null>()(empty),
  'workspace.openRecent': query<WorkspaceInfo>()(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'Not a recent workspace') }).strict()),
  /** What was refused on the last open (damaged, empty, not a workspace) and whether a good backup of it exists. */
  'workspace.refused': query<RefusedWorkspace | null>()(empty),
  /** Opens a copy of the newest good backup of the file refused on the last open. */
  'workspace.openLatestBackup': query<WorkspaceInfo>()(empty),
  'workspace.close': query<null>()(empty),
  /** Asks where to save a copy; refuses to replace a file that is not an Offramp workspace. */
  'workspace.saveCopy': query<{ path: string } | null>()(empty),
  'workspace.recent': query<RecentWorkspace[]>()(empty),
  'preferences.get': query<Preferences>()(empty),
  'preferences.update': query<Preferences>()(preferencesSchema),

  // clients
  'clients.list': query<Client[]>()(empty),
  'clients.create': mutation<Client>()(
    z.object({ name, notes: z.string().max(20_000).default('') }),
  ),
  'clients.update': mutation<Client>()(
    z.object({ id, name, notes: z.string().max(20_000) }),
  ),
  'clients.delete': mutation<null>()(byId),

  // workloads and job profiles
  'workloads.list': query<Workload[]>()(
    z.object({ clientId: id.optional() }).default({}),
  ),
  'workloads.get': query<Workload>()(byId),
  'workloads.create': mutation<Workload>()(workloadInput),
  'workloads.update': mutation<Workload>()(workloadInput.extend({ id })),
  'workloads.delete': mutation<null>()(byId),
  'jobProfiles.get': query<JobProfile | null>()(z.object({ workloadId: id })),
  'jobProfiles.set': mutation<JobProfile>()(jobProfileInput),

  // contracts and commitments
  'contracts.list': query<Contract[]>()(empty),
  'contracts.create': mutation<Contract>()(contractInput),
  'contracts.update': mutation<Contract>()(contractInput.extend({ id })),
  'contracts.delete': mutation<null>()(byId),
  'commitments.list': query<Commitment[]>()(empty),
  'commitments.create': mutation<Commitment>()(commitmentInput),
  'commitments.update': mutation<Commitment>()(
    z.intersection(commitmentInput, z.object({ id })),
  ),
  'commitments.delete': mutation<null>()(byId),

  // deadline policy
  'policy.get': query<DeadlinePolicy>()(empty),
  'policy.update': mutation<DeadlinePolicy>()(policyInput),

  // undo and audit
  'history.undo': query<WorkspaceInfo>()(empty),
  'history.redo': query<WorkspaceInfo>()(empty),
  'audit.list': query<AuditEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(5000).default(200) }).default({ limit: 200 }),
  ),
} as const;
