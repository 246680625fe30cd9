// What the training-data analyser reports about one JSONL file.
import type { Job, JobWeights } from '../domain/types.ts';
import type { RecordShape, TrainingFormat } from './parseExample.ts';

export interface MalformedLine {
  line: number;
  field?: string;
  message: string;
}

export interface TrainingAnalysis {
  /** Non-empty lines read, including malformed ones. */
  lines: number;
  /** Examples that could be read. */
  examples: number;
  formats: Record<TrainingFormat, number>;
  /** The record shape each example was read as (chat messages, ShareGPT, {question, answer}, …). */
  shapes: Record<RecordShape, number>;
  /** Estimated tokens of message text (see notes for the method). */
  estimatedTokens: number;
  systemPrompts: {
    /** Distinct system prompts (counted up to a cap; see capped). */
    variants: number;
    capped: boolean;
    examplesWithout: number;
    /** The most used system prompts, shortened, with how many examples use each. */
    top: { text: string; examples: number }[];
  };
  turns: {
    minMessages: number;
    maxMessages: number;
    meanMessages: number;
    meanUserTurns: number;
    /** Examples with more than one user turn. */
    multiTurnExamples: number;
  };
  replies: {
    /** Assistant replies the model learns from (preferred outputs included). */
    total: number;
    json: number;
    /** Replies that are code or a query language (fenced block, SQL, regular expression). */
    code: number;
    /** Share of JSON replies that have the most common set of top-level keys, and those keys. */
    jsonSameKeys: { count: number; keys: string[] } | null;
    toolCalls: number;
    text: number;
    /** Distinct replies (exact text, trimmed); tracked up to a cap. */
    distinct: number;
    distinctCapped: boolean;
    meanChars: number;
  };
  /** Examples whose prompt carries images, and the images in all. */
  images: { examples: number; images: number };
  /** Preference pairs (a preferred and a non-preferred output); feeds the workload's pairwise feedback. */
  preferencePairs: number;
  malformed: { total: number; lines: MalformedLine[] };
  /** 0–100 per job: how strongly the data says the fine-tuned model does this job. */
  suggestedWeights: JobWeights;
  /** The job with the highest weight, or null when the file gave no usable example. */
  topJob: Job | null;
  /** Plain sentences, general facts first, then each job's evidence by weight; job sentences cite example lines. */
  evidence: string[];
  evidenceByJob: Record<Job, string[]>;
  /** How the numbers were obtained (estimates, samples, caps). */
  notes: string[];
}
