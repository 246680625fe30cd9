// Channels of the evaluation matrix and the governance map: candidates, their aggregated results, sign-offs.
import { z } from 'zod';
import { mutation, query } from './contract.ts';
import { APPROACHES, SIGN_OFF_ROLES, SIGN_OFF_STATUSES } from '../domain/types.ts';
import type { Candidate, Commitment, Evaluation, GovernanceEntry, SignOff } from '../domain/types.ts';
import type { ConstraintCheck, HardConstraint } from '../decision/constraints.ts';
import type { Recommendation } from '../decision/types.ts';
import type { CellFlag } from '../evaluation/flags.ts';
import { isoDate } from './inventory.ts';

const id = z.number().int().positive();

export const candidateInput = z.object({
  workloadId: id,
  name: z.string().trim().min(1, 'Name the candidate, e.g. "RAG + small hosted model"').max(200),
  approach: z.enum(APPROACHES),
  selfHostable: z.boolean().default(false),
  dataRegion: z.string().trim().max(100).nullable().default(null).transform((s) => (s === '' ? null : s)),
  policyUpdateHours: z.number().min(0, 'Cannot be negative').nullable().default(null),
  explainability: z.number().int().min(1, 'Use 1 (opaque) to 5 (every answer traceable)').max(5, 'Use 1 (opaque) to 5 (every answer traceable)').nullable().default(null),
  notes: z.string().max(20_000).default(''),
});

export interface MatrixCell {
  constraint: HardConstraint;
  check: ConstraintCheck;
}

export interface EvaluationMatrix {
  workloadId: number;
  evaluations: Evaluation[];
  constraints: HardConstraint[];
  /** Per candidate id: each hard constraint checked against its measured results. */
  checks: Record<number, MatrixCell[]>;
  /** Per candidate id: the limits its cells break (shared/evaluation/flags.ts), as the roadmap PDF marks them too. */
  flags: Record<number, CellFlag[]>;
  commitments: Commitment[];
  /** What the decision engine's rule R8 made of it. */
  recommendation: Recommendation;
}

export interface GovernanceMap {
  workloadId: number;
  regulated: boolean;
  candidates: Candidate[];
  governance: GovernanceEntry[];
  signOffs: SignOff[];
}

export const evaluationChannels = {
  'candidates.list': query<Candidate[]>()(z.object({ workloadId: id })),
  'candidates.create': mutation<Candidate>()(candidateInput),
  'candidates.update': mutation<Candidate>()(candidateInput.extend({ id })),
  'candidates.delete': mutation<null>()(z.object({ id })),
  'evaluations.matrix': query<EvaluationMatrix>()(z.object({ workloadId: id, today: isoDate.optional() })),
  'governance.get': query<GovernanceMap>()(z.object({ workloadId: id })),
  'governance.set': mutation<GovernanceEntry>()(z.object({
    workloadId: id, candidateId: id, dataLocation: z.string().max(500), inspectors: z.string().max(500), auditTrail: z.boolean(),
  })),
  'signOffs.set': mutation<SignOff>()(z.object({
    candidateId: id, role: z.enum(SIGN_OFF_ROLES), status: z.enum(SIGN_OFF_STATUSES),
    by: z.string().trim().max(200), at: isoDate.nullable().default(null),
  }).refine((s) => s.status === 'pending' || s.by.length > 0, { path: ['by'], message: 'Say who approved or rejected it' })),
} as const;
