// Saving questionnaire answers: the job profile they yield and the constraints they state, in the caller's
// transaction. The Decision panel (questionnaire.apply) and a workshop's "Accept" both save answers this way.
import type { Database } from 'better-sqlite3';
import { profileFromAnswers, type QuestionnaireAnswers } from '../../shared/decision/questionnaire.ts';
import { JOBS, type Job, type JobProfile, type JobWeightSource, type Workload } from '../../shared/domain/types.ts';
import type { Recorder } from '../db/changes.ts';
import { getJobProfile, getWorkload, setJobProfile, updateWorkload } from '../db/workloads.ts';

export interface AnswerSource {
  /** Where the weights came from: the Decision panel's questionnaire, or a workshop. */
  source: Extract<JobWeightSource, 'questionnaire' | 'workshop'>;
  /** The evidence lines' prefix, e.g. 'Questionnaire' or 'Workshop "Helix triage", item "Classify FAQ"'. */
  label: string;
}

const QUESTIONNAIRE: AnswerSource = { source: 'questionnaire', label: 'Questionnaire' };
/** Evidence lines that earlier answers wrote (from either path): new answers replace them. */
const ANSWER_EVIDENCE = /^(Questionnaire|Workshop "[^"]*"(, item "[^"]*")?): /;

export function applyQuestionnaire(
  db: Database, rec: Recorder,
  input: { workloadId: number; answers: Record<string, unknown>; confirmed: boolean },
  from: AnswerSource = QUESTIONNAIRE,
): { workload: Workload; profile: JobProfile } {
  const workload = getWorkload(db, input.workloadId);
  const result = profileFromAnswers(input.answers as QuestionnaireAnswers);
  const previous = getJobProfile(db, input.workloadId);
  const sources = Object.fromEntries(JOBS.map((j) => [j, result.sources[j] === 'questionnaire' ? from.source : result.sources[j]])) as Record<Job, JobWeightSource>;
  const profile = setJobProfile(db, rec, {
    workloadId: input.workloadId,
    weights: result.weights,
    sources,
    confirmed: input.confirmed,
    // Evidence from a training-data analysis stays with the profile; the answers add their own.
    evidence: [...(previous?.evidence.filter((e) => !ANSWER_EVIDENCE.test(e)) ?? []), ...result.evidence.map((e) => `${from.label}: ${e}`)],
    answers: input.answers,
  });
  const updated = updateWorkload(db, rec, { ...workload, ...result.workloadPatch });
  return { workload: updated, profile };
}
