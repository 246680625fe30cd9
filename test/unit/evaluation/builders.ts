// Builders for what only evaluation tests need; workloads come from ../decision/builders.ts like everywhere else.
import type { Candidate, EvaluationRow, SignOff } from '../../../shared/domain/types.ts';

export function aCandidate(over: Partial<Candidate> = {}): Candidate {
  return {
    id: 10,
    workloadId: 1,
    name: 'RAG + small hosted model',
    approach: 'rag',
    selfHostable: false,
    dataRegion: 'EU',
    policyUpdateHours: 2,
    explainability: 4,
    notes: '',
    ...over,
  };
}

export function aRow(over: Partial<EvaluationRow> = {}): EvaluationRow {
  return {
    candidateId: 10,
    taskId: 't1',
    latencyMs: null,
    costUsd: null,
    correct: null,
    grounded: null,
    refused: null,
    hallucinated: null,
    winVsBaseline: null,
    ...over,
  };
}

export function aSignOff(over: Partial<SignOff> = {}): SignOff {
  return { candidateId: 10, role: 'legal', status: 'approved', by: 'Sam', at: '2026-11-10', ...over };
}
