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
const name = z.string().trim().min(1, 'Give it a name').max(200, 'Keep it under 200 characters');
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

export interface WorkspaceInfo {
  path: string;
  schemaVersion: number;
  backupPath: string | null;
  canUndo: boolean;
  canRedo: boolean;
}

const empty = z.object({}).strict().default({});
const byId = z.object({ id }).strict();
const pathPayload = z.object({ path: z.string().min(1, 'Choose a file') }).strict();

export const inventoryChannels = {
  // workspace file
  'workspace.current': query<WorkspaceInfo | null>()(empty),
  'workspace.create': query<WorkspaceInfo>()(pathPayload),
  'workspace.open': query<WorkspaceInfo>()(pathPayload),
  'workspace.openLatestBackup': query<WorkspaceInfo>()(pathPayload),
  'workspace.close': query<null>()(empty),
  'workspace.saveCopy': query<{ path: string }>()(pathPayload),
  'workspace.recent': query<string[]>()(empty),
  /** Asks the platform (native dialog in Electron) for a path; null when the user cancels. */
  'dialog.chooseWorkspace': query<string | null>()(
    z.object({ mode: z.enum(['new', 'open', 'copy']) }),
  ),
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
