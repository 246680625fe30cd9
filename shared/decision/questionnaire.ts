// The classification questionnaire in plain language, and how its answers become a job profile and constraints.
import {
  JOBS, KNOWLEDGE_CHANGE_FREQUENCIES,
  type Deployment, type Job, type JobProfile, type JobWeightSource, type JobWeights, type KnowledgeChangeFrequency, type Workload,
} from '../domain/types.ts';

export type QuestionKind = 'yesno' | 'choice' | 'number';

export interface QuestionOption {
  value: string;
  label: string;
}

export interface Question {
  id: QuestionId;
  text: string;
  help: string;
  kind: QuestionKind;
  options: QuestionOption[];
}

export type QuestionId =
  | 'knowledge' | 'knowledgeChange' | 'format' | 'style' | 'behavior' | 'ranking'
  | 'deployment' | 'latencyTargetMs' | 'residency' | 'regulated' | 'pairwiseFeedback';

/** How central a job is to what the fine-tuned model does. */
const SHARE: QuestionOption[] = [
  { value: 'no', label: 'No' },
  { value: 'partly', label: 'Yes, partly' },
  { value: 'central', label: 'Yes, it is central' },
];

export const QUESTIONS: readonly Question[] = [
  { id: 'knowledge', kind: 'choice', options: SHARE,
    text: 'Does the model answer from facts such as policies, prices, product docs or cases?',
    help: 'Knowledge baked into weights goes stale; retrieval can be refreshed without retraining.' },
  { id: 'knowledgeChange', kind: 'choice',
    options: KNOWLEDGE_CHANGE_FREQUENCIES.map((f) => ({ value: f, label: f[0].toUpperCase() + f.slice(1) })),
    text: 'How often does that knowledge change?',
    help: 'Knowledge that changes faster than monthly weighs more: retraining cannot keep up with it.' },
  { id: 'format', kind: 'choice', options: SHARE,
    text: 'Must the output follow a fixed format (JSON, fields, a template)?',
    help: 'Structured outputs with schema enforcement usually replace tuning for format.' },
  { id: 'style', kind: 'choice', options: SHARE,
    text: 'Was the model tuned for a tone, a brand voice or a persona?',
    help: 'A system prompt with style regression tests, or preference optimization with enough feedback.' },
  { id: 'behavior', kind: 'choice', options: SHARE,
    text: 'Does it make a fixed decision from a known set (classify, route, label)?',
    help: 'Fixed behavior may need an adapter on an open-weight model when latency, volume or deployment demand it.' },
  { id: 'ranking', kind: 'choice', options: SHARE,
    text: 'Does it order or choose between candidates, learned from people\'s preferences?',
    help: 'Ranking is learned best from pairwise feedback (this answer was better than that one).' },
  { id: 'deployment', kind: 'choice',
    options: [{ value: 'cloud', label: 'Cloud' }, { value: 'edge', label: 'On devices (edge)' }, { value: 'on_prem', label: 'On the client\'s servers (on-prem)' }],
    text: 'Where must the model run?',
    help: 'Edge and on-prem deployments need a model the team can host itself.' },
  { id: 'latencyTargetMs', kind: 'number', options: [],
    text: 'What p95 latency must answers meet, in milliseconds? (leave empty if none)',
    help: '95 out of 100 answers must arrive within this time. 300 ms or less favours an adapter.' },
  { id: 'residency', kind: 'choice',
    options: [{ value: 'none', label: 'No constraint' }, { value: 'EU', label: 'EU' }, { value: 'US', label: 'US' }, { value: 'UK', label: 'UK' }, { value: 'on_prem', label: 'Data may not leave our infrastructure' }],
    text: 'Must data stay in a region, or on your own infrastructure?',
    help: 'Data that may not leave the client\'s infrastructure rules out hosted-only models.' },
  { id: 'regulated', kind: 'yesno', options: [],
    text: 'Is the workload regulated, or must it keep an audit trail?',
    help: 'Auditors need answers traceable to sources; legal, security and compliance sign off on candidates.' },
  { id: 'pairwiseFeedback', kind: 'number', options: [],
    text: 'How many pairwise feedback pairs (this answer preferred over that one) do you have?',
    help: '500 pairs or more make preference optimization possible.' },
];

export type QuestionnaireAnswers = Partial<Record<QuestionId, string | number | boolean | null>>;

/**
 * The answers as saved with the profile, or read back from the workload's fields and its current weights when none
 * were saved: where the Decision panel and a workshop's classify item both start their draft.
 */
export function answersFromWorkload(workload: Workload, profile: JobProfile | null): QuestionnaireAnswers {
  if (profile?.answers) return profile.answers as QuestionnaireAnswers;
  const a: QuestionnaireAnswers = {
    deployment: workload.deployment,
    latencyTargetMs: workload.latencyTargetMs === null ? null : String(workload.latencyTargetMs),
    residency: workload.residency ?? 'none',
    regulated: workload.regulated || workload.auditTrailRequired,
    pairwiseFeedback: String(workload.pairwiseFeedback),
    knowledgeChange: workload.knowledgeChangeFrequency,
  };
  if (profile) {
    for (const job of JOBS) {
      const w = profile.weights[job];
      a[job] = w >= 60 ? 'central' : w >= 20 ? 'partly' : 'no';
    }
  }
  return a;
}

/**
 * Weights from the share answers: no → 0, partly → PARTLY, central → CENTRAL. Knowledge that changes
 * daily or weekly adds FAST_KNOWLEDGE_BONUS (capped at 100), since retraining cannot keep up with it.
 * PARTLY is above the component threshold (20) on purpose: a job someone names at all deserves a component.
 */
export const ANSWER_WEIGHTS = { no: 0, partly: 40, central: 80, fastKnowledgeBonus: 20 } as const;

export interface ProfileFromAnswers {
  weights: JobWeights;
  sources: Record<Job, JobWeightSource>;
  workloadPatch: Partial<Pick<Workload, 'deployment' | 'latencyTargetMs' | 'residency' | 'regulated' | 'auditTrailRequired' | 'pairwiseFeedback' | 'knowledgeChangeFrequency'>>;
  /** Sentences that say which answer set which weight. */
  evidence: string[];
}

function shareWeight(answer: unknown): number {
  if (answer === 'central' || answer === true) return ANSWER_WEIGHTS.central;
  if (answer === 'partly') return ANSWER_WEIGHTS.partly;
  return ANSWER_WEIGHTS.no;
}

function toNumber(answer: unknown): number | null {
  if (typeof answer === 'number' && Number.isFinite(answer)) return answer;
  if (typeof answer === 'string' && answer.trim() !== '' && Number.isFinite(Number(answer))) return Number(answer);
  return null;
}

const isFrequency = (v: unknown): v is KnowledgeChangeFrequency => (KNOWLEDGE_CHANGE_FREQUENCIES as readonly unknown[]).includes(v);
const isDeployment = (v: unknown): v is Deployment => v === 'cloud' || v === 'edge' || v === 'on_prem';

/** Unanswered questions leave the weight at 0 and the workload field untouched. */
export function profileFromAnswers(answers: QuestionnaireAnswers): ProfileFromAnswers {
  const weights = Object.fromEntries(JOBS.map((j) => [j, shareWeight(answers[j])])) as JobWeights;
  const sources = Object.fromEntries(JOBS.map((j) => [j, 'questionnaire'])) as Record<Job, JobWeightSource>;
  const evidence: string[] = [];
  const patch: ProfileFromAnswers['workloadPatch'] = {};

  const frequency = answers.knowledgeChange;
  if (isFrequency(frequency)) {
    patch.knowledgeChangeFrequency = frequency;
    if (weights.knowledge > 0 && (frequency === 'daily' || frequency === 'weekly')) {
      weights.knowledge = Math.min(100, weights.knowledge + ANSWER_WEIGHTS.fastKnowledgeBonus);
      evidence.push(`Knowledge changes ${frequency}, faster than monthly: +${ANSWER_WEIGHTS.fastKnowledgeBonus} to knowledge.`);
    }
  }
  for (const job of JOBS) {
    const answer = answers[job];
    if (answer === undefined || answer === null) continue;
    evidence.push(`Answered "${String(answer)}" for ${job}: weight ${weights[job]}.`);
  }

  if (isDeployment(answers.deployment)) patch.deployment = answers.deployment;
  if (answers.latencyTargetMs !== undefined) {
    const ms = toNumber(answers.latencyTargetMs);
    patch.latencyTargetMs = ms !== null && ms > 0 ? ms : null;
  }
  if (answers.residency !== undefined) {
    const r = typeof answers.residency === 'string' ? answers.residency.trim() : '';
    patch.residency = r === '' || r === 'none' ? null : r;
  }
  if (typeof answers.regulated === 'boolean') {
    patch.regulated = answers.regulated;
    patch.auditTrailRequired = answers.regulated;
  }
  if (answers.pairwiseFeedback !== undefined) {
    const pairs = toNumber(answers.pairwiseFeedback);
    patch.pairwiseFeedback = pairs !== null && pairs > 0 ? Math.floor(pairs) : 0;
  }
  return { weights, sources, workloadPatch: patch, evidence };
}
