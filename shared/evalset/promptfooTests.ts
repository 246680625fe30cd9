// Turns a sampled evaluation set into a promptfoo config: one test per case with the case's inputs as
// `vars` and an assertion chosen from what the reply is (a label, JSON, SQL, a final answer, free text)
// and the workload's top job, so every candidate is benchmarked on the tasks the fine-tuned model was
// trained for. Deterministic assertions wherever the reply allows; model-graded ones (factuality,
// llm-rubric) only for free text, where nothing else can judge.

import { Document } from 'yaml';
import type { Job } from '../domain/types.ts';
import { replyShape } from '../analysis/replyForm.ts';
import type { EvalCase, EvalSample } from './sampleCases.ts';

export interface PromptfooAssertion {
  type: string;
  value?: unknown;
  threshold?: number;
  metric?: string;
}

export interface PromptfooTestCase {
  description: string;
  vars: { system: string; prompt: string; context: string; image_url?: string };
  assert: PromptfooAssertion[];
  metadata: { trainingLine: number; expected: string };
}

export interface EvalSetOptions {
  /** The workload's top job in its accepted profile (drives the assertion for free-text replies). */
  job: Job | null;
  trainingFile: string;
  workloadName: string;
}

const FINAL_MARKER = /####[ \t]*-?[\d.,/]+|\\boxed\{[^}\n]{1,40}\}/;

/** The assertion(s) that check a candidate's reply against the reply the fine-tuned model learned. */
export function assertionsFor(c: EvalCase, job: Job | null): PromptfooAssertion[] {
  if (c.toolCalls.length > 0) {
    return c.toolCalls.map((t) => ({ type: 'contains', value: t.name, metric: 'tool call' }));
  }
  const expected = c.expected.trim();
  const shape = replyShape(expected);
  if (shape.form === 'json') {
    const keys = shape.jsonKeys ? shape.jsonKeys.split('\u0000') : [];
    const schema = shape.jsonKeys === '' ? { type: 'array' } : { type: 'object', required: keys };
    return [{ type: 'is-json', value: schema, metric: 'format' }];
  }
  if (shape.form === 'code') {
    const similar: PromptfooAssertion = { type: 'rouge-n', value: expected, threshold: 0.5, metric: 'format' };
    return shape.codeKind === 'sql' ? [{ type: 'is-sql', metric: 'format' }, similar] : [similar];
  }
  if (c.rejected !== null && (job === 'ranking' || job === 'style')) {
    return [{ type: 'llm-rubric', value: `The reply is closer to the preferred reply than to the rejected one.\nPreferred: ${expected}\nRejected: ${c.rejected.trim()}`, metric: 'preference' }];
  }
  const marker = FINAL_MARKER.exec(expected);
  if (marker) return [{ type: 'contains', value: marker[0].trim(), metric: 'final answer' }];
  if (shape.form === 'short') {
    return job === 'behavior' ? [{ type: 'equals', value: expected, metric: 'label' }] : [{ type: 'icontains', value: expected, metric: 'answer' }];
  }
  if (job === 'style') {
    return [{ type: 'llm-rubric', value: `The reply has the same voice, register and persona as this reference reply (tone and signature phrases, not its facts): ${expected}`, metric: 'style' }];
  }
  return [{ type: 'factuality', value: expected, metric: 'facts' }];
}

export function promptfooTestCases(sample: EvalSample, options: EvalSetOptions): PromptfooTestCase[] {
  return sample.cases.map((c) => ({
    description: `Line ${c.line} of ${options.trainingFile}`,
    vars: { system: c.system, prompt: c.prompt, context: c.context, ...(c.imageUrl ? { image_url: c.imageUrl } : {}) },
    assert: assertionsFor(c, options.job),
    metadata: { trainingLine: c.line, expected: c.expected },
  }));
}

/**
 * The chat prompt the tests fill in: the system prompt, earlier turns as context, the user turn and
 * its image when there is one (promptfoo renders Nunjucks; `dump` writes a JSON string).
 */
export function chatPromptTemplate(withImages: boolean): string {
  const user = withImages
    ? '[{"type":"text","text":{{ prompt | dump }}}{% if image_url %},{"type":"image_url","image_url":{"url":{{ image_url | dump }}}}{% endif %}]'
    : '{{ prompt | dump }}';
  return `[{% if system %}{"role":"system","content":{{ system | dump }}},{% endif %}{% if context %}{"role":"user","content":{{ context | dump }}},{% endif %}{"role":"user","content":${user}}]`;
}

export function promptfooConfig(sample: EvalSample, options: EvalSetOptions) {
  const tests = promptfooTestCases(sample, options);
  return {
    description: `Evaluation set for ${options.workloadName}: ${tests.length} tasks sampled (seed ${sample.seed}) from ${options.trainingFile}`,
    prompts: [{ id: 'training-task', label: 'Training task', raw: chatPromptTemplate(tests.some((t) => t.vars.image_url !== undefined)) }],
    providers: [{ id: 'echo', label: 'Replace with a candidate' }],
    tests,
  };
}

/** The promptfoo config as YAML (with a header saying how to run it) or JSON. */
export function promptfooConfigText(sample: EvalSample, options: EvalSetOptions, format: 'yaml' | 'json'): string {
  const config = promptfooConfig(sample, options);
  if (format === 'json') return `${JSON.stringify(config, null, 2)}\n`;
  const doc = new Document(config);
  doc.commentBefore = [
    ` Offramp evaluation set: ${config.tests.length} tasks from ${options.trainingFile} (seed ${sample.seed}).`,
    ' Replace the echo provider with one provider per candidate, labelled with the candidate name used in Offramp,',
    ' then: promptfoo eval -c <this file> -o results.json   and import results.json on the Imports screen.',
    ' factuality and llm-rubric assertions need a grading model (defaultTest.options.provider).',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
