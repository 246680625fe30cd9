// Validates a workspace JSON (CLI import) before anything is written; errors name the array index and field.
import { z } from 'zod';
import { APPROACHES, JOBS, SIGN_OFF_ROLES, SIGN_OFF_STATUSES } from './types.ts';
import { commitmentInput, contractInput, isoDate, jobProfileInput, policyInput, workloadInput } from '../ipc/inventory.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from './snapshot.ts';

const id = z.number().int().positive();
const flag = z.boolean().nullable();

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT, { message: `Not an Offramp workspace export (format must be "${SNAPSHOT_FORMAT}")` }),
  version: z.literal(SNAPSHOT_VERSION, { message: `Only version ${SNAPSHOT_VERSION} exports can be imported` }),
  exportedAt: z.string().optional(),
  clients: z.array(z.object({ id, name: z.string().trim().min(1), notes: z.string().default('') }).loose()),
  workloads: z.array(workloadInput.extend({ id }).loose()),
  jobProfiles: z.array(jobProfileInput).default([]),
  contracts: z.array(z.object({ id }).and(contractInput)).default([]),
  commitments: z.array(z.intersection(commitmentInput, z.object({ id }))).default([]),
  candidates: z.array(z.object({
    id, workloadId: id, name: z.string().min(1), approach: z.enum(APPROACHES), selfHostable: z.boolean(),
    dataRegion: z.string().nullable().default(null), policyUpdateHours: z.number().nullable().default(null),
    explainability: z.number().int().min(1).max(5).nullable().default(null), notes: z.string().default(''),
  })).default([]),
  evaluationRows: z.array(z.object({
    candidateId: id, taskId: z.string(), latencyMs: z.number().nullable(), costUsd: z.number().nullable(),
    correct: flag, grounded: flag, refused: flag, hallucinated: flag, winVsBaseline: flag.default(null),
  })).default([]),
  governance: z.array(z.object({ workloadId: id, candidateId: id, dataLocation: z.string(), inspectors: z.string(), auditTrail: z.boolean() })).default([]),
  signOffs: z.array(z.object({ candidateId: id, role: z.enum(SIGN_OFF_ROLES), status: z.enum(SIGN_OFF_STATUSES), by: z.string(), at: isoDate.nullable() })).default([]),
  overrides: z.array(z.object({ workloadId: id, job: z.enum(JOBS), approach: z.enum(APPROACHES), reason: z.string().min(1), actor: z.string(), at: z.string() })).default([]),
  workshops: z.array(z.object({
    id, clientId: id, title: z.string(), date: isoDate,
    agenda: z.array(z.object({ title: z.string(), minutes: z.number(), done: z.boolean() })),
    participants: z.array(z.string()), notes: z.string(),
    decisions: z.array(z.object({ at: z.string(), text: z.string(), workloadId: id.nullable() })),
  })).default([]),
  policy: policyInput.optional(),
});
export type SnapshotInput = z.output<typeof snapshotSchema>;
