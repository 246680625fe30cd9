// Validates a workspace JSON (CLI import) before anything is written; errors name the array index and field.
import { z } from 'zod';
import { APPROACHES, JOBS, SIGN_OFF_ROLES, SIGN_OFF_STATUSES } from './types.ts';
import { commitmentInput, contractInput, entityName, isoDate, jobProfileInput, policyInput, workloadInput } from '../ipc/inventory.ts';
import { candidateInput } from '../ipc/evaluation.ts';
import { READABLE_SNAPSHOT_VERSIONS, SNAPSHOT_FORMAT } from './snapshot.ts';
import { legacyWorkshopSchema, snapshotWorkshopSchema } from './snapshotWorkshops.ts';
import { snapshotBaselineSchema } from './snapshotBaselines.ts';

const id = z.number().int().positive();
const flag = z.boolean().nullable();

export const snapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT, { message: `Not an Offramp workspace export (format must be "${SNAPSHOT_FORMAT}")` }),
  version: z.union(READABLE_SNAPSHOT_VERSIONS.map((v) => z.literal(v)), { message: `Only version ${READABLE_SNAPSHOT_VERSIONS.join(' or ')} exports can be imported` }),
  exportedAt: z.string().optional(),
  clients: z.array(z.object({ id, name: entityName, notes: z.string().max(20_000).default('') }).loose()),
  workloads: z.array(workloadInput.extend({ id }).loose()),
  jobProfiles: z.array(jobProfileInput).default([]),
  contracts: z.array(z.object({ id }).and(contractInput)).default([]),
  commitments: z.array(z.intersection(commitmentInput, z.object({ id }))).default([]),
  // The same schema as the candidate form; unique ids and references: shared/imports/workspaceJson.ts.
  candidates: z.array(candidateInput.extend({ id })).default([]),
  evaluationRows: z.array(z.object({
    candidateId: id, taskId: z.string().max(200), latencyMs: z.number().min(0, 'Latency cannot be negative').nullable(), costUsd: z.number().min(0, 'Cost cannot be negative').nullable(),
    correct: flag, grounded: flag, refused: flag, hallucinated: flag, winVsBaseline: flag.default(null),
  })).default([]),
  governance: z.array(z.object({ workloadId: id, candidateId: id, dataLocation: z.string(), inspectors: z.string(), auditTrail: z.boolean() })).default([]),
  signOffs: z.array(z.object({ candidateId: id, role: z.enum(SIGN_OFF_ROLES), status: z.enum(SIGN_OFF_STATUSES), by: z.string(), at: isoDate.nullable() })).default([]),
  overrides: z.array(z.object({ workloadId: id, job: z.enum(JOBS), approach: z.enum(APPROACHES), reason: z.string().min(1), actor: z.string(), at: z.string() })).default([]),
  // Version-1 entries have no startTime: they are read as the old shape and converted.
  workshops: z.array(z.unknown().transform((w, ctx) => {
    const schema = typeof w === 'object' && w !== null && !('startTime' in w) ? legacyWorkshopSchema : snapshotWorkshopSchema;
    const parsed = schema.safeParse(w);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
    return z.NEVER;
  })).default([]),
  baselines: z.array(snapshotBaselineSchema).default([]),
  policy: policyInput.optional(),
});
export type SnapshotInput = z.output<typeof snapshotSchema>;
