// Words for jobs, approaches and weight sources as the Decision panel and the plan show them.
import type { Approach, Job, JobWeightSource } from '../../../shared/domain/types.ts';

export const approachLabel: Record<Approach, string> = {
  rag: 'Retrieval (RAG)',
  prompting: 'Hardened prompting',
  open_weight: 'Open-weight adapter',
  preference: 'Preference optimization',
  multi_model: 'Multi-model stack',
};

/** Short forms for tables and counts. */
export const approachShort: Record<Approach, string> = {
  rag: 'RAG',
  prompting: 'Prompting',
  open_weight: 'Open-weight',
  preference: 'Preference',
  multi_model: 'Multi-model',
};

export const jobLabel: Record<Job, string> = {
  knowledge: 'Knowledge',
  format: 'Format',
  style: 'Style',
  behavior: 'Behavior',
  ranking: 'Ranking',
};

export const jobHint: Record<Job, string> = {
  knowledge: 'facts that change',
  format: 'output structure',
  style: 'tone and voice',
  behavior: 'a fixed decision',
  ranking: 'ordering from preferences',
};

export const sourceLabel: Record<JobWeightSource, string> = {
  questionnaire: 'Questionnaire',
  analysis: 'Training-data analysis',
  manual: 'Manual',
};

export const confidenceLabel = { high: 'High confidence', medium: 'Medium confidence', low: 'Low confidence' } as const;

/** "2026-11-25T10:03:00.000Z" → "2026-11-25". */
export const dayOf = (iso: string): string => iso.slice(0, 10);
