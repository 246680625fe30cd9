import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createEvalSetSampler } from '../../../shared/evalset/sampleCases.ts';
import { assertionsFor, promptfooConfigText } from '../../../shared/evalset/promptfooTests.ts';
import type { EvalCase } from '../../../shared/evalset/sampleCases.ts';
import { dpoPair } from '../../../shared/evalset/dpoPairs.ts';
import { parseExample } from '../../../shared/analysis/parseExample.ts';
import type { Example } from '../../../shared/analysis/parseExample.ts';
import { chatLine, imageLine } from './builders.ts';

function sample(lines: string[], n: number, seed: number) {
  const s = createEvalSetSampler({ n, seed });
  lines.forEach((l, i) => s.addLine(l, i + 1));
  return s.finish();
}

const tickets = Array.from({ length: 500 }, (_, i) => chatLine(`Ticket ${i}: cannot log in`, ['login', 'billing', 'refund'][i % 3], 'Classify the ticket.'));

function aCase(expected: string, extra: Partial<EvalCase> = {}): EvalCase {
  return { line: 1, system: '', prompt: 'q', context: '', imageUrl: null, expected, toolCalls: [], rejected: null, ...extra };
}

// promptfoo's documented test case (site/docs/configuration/test-cases.md, "Test Structure") and
// assertion properties (expected-outputs/index.md, "Assertion properties" and "Assertion types").
const ASSERTION_TYPES = ['equals', 'contains', 'icontains', 'regex', 'starts-with', 'contains-any', 'contains-all', 'is-json', 'contains-json', 'is-sql', 'contains-sql', 'rouge-n', 'bleu', 'levenshtein', 'is-valid-openai-tools-call', 'javascript', 'llm-rubric', 'factuality', 'similar', 'model-graded-closedqa'];
const promptfooAssertion = z.object({ type: z.enum(ASSERTION_TYPES), value: z.unknown().optional(), threshold: z.number().optional(), weight: z.number().optional(), metric: z.string().optional() }).strict();
const promptfooTest = z.object({
  description: z.string().optional(),
  vars: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  assert: z.array(promptfooAssertion).min(1),
  metadata: z.record(z.string(), z.unknown()).optional(),
}).strict();
const promptfooConfig = z.object({
  description: z.string(),
  prompts: z.array(z.object({ id: z.string(), label: z.string(), raw: z.string() })),
  providers: z.array(z.object({ id: z.string(), label: z.string() })),
  tests: z.array(promptfooTest),
});

describe('evaluation set: sampling', () => {
  it('samples N cases reproducibly by seed, in file order, and a different seed gives a different sample', () => {
    const a = sample(tickets, 20, 1);
    const b = sample(tickets, 20, 1);
    const c = sample(tickets, 20, 2);
    expect(a.cases).toHaveLength(20);
    expect(a.cases.map((x) => x.line)).toEqual(b.cases.map((x) => x.line));
    expect(a.cases.map((x) => x.line)).not.toEqual(c.cases.map((x) => x.line));
    expect([...a.cases.map((x) => x.line)].sort((p, q) => p - q)).toEqual(a.cases.map((x) => x.line));
    expect(a.examples).toBe(500);
  });

  it('spreads the sample over the whole file, not its first lines', () => {
    const lines = sample(tickets, 50, 3).cases.map((x) => x.line);
    expect(Math.max(...lines)).toBeGreaterThan(400);
    expect(Math.min(...lines)).toBeLessThan(100);
  });

  it('keeps every case when N is larger than the file, and counts unreadable lines as skipped', () => {
    const s = sample([...tickets.slice(0, 3), 'not json', '{"edu1": "x"}'], 10, 1);
    expect(s.cases).toHaveLength(3);
    expect(s.skipped).toBe(2);
  });

  it('keeps the system prompt, the last user turn, earlier turns and an image URL', () => {
    const multi = JSON.stringify({ messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }, { role: 'user', content: 'Price of plan B?' }, { role: 'assistant', content: '$49.' }] });
    const [m, img] = sample([multi, imageLine('Value in 2015?', '38', 'https://example.org/0.png')], 5, 1).cases;
    expect(m).toMatchObject({ system: 'Be brief.', prompt: 'Price of plan B?', context: 'User: Hi\nAssistant: Hello', expected: '$49.' });
    expect(img).toMatchObject({ prompt: 'Value in 2015?', imageUrl: 'https://example.org/0.png', expected: '38' });
  });
});

describe('evaluation set: one assertion per case from what the reply is', () => {
  it.each([
    ['a label of a behavior workload', aCase('billing'), 'behavior', [{ type: 'equals', value: 'billing' }]],
    ['a short answer of another workload', aCase('2014'), 'knowledge', [{ type: 'icontains', value: '2014' }]],
    ['JSON with keys', aCase('{"total": 3, "vendor": "ACME"}'), 'format', [{ type: 'is-json', value: { type: 'object', required: ['total', 'vendor'] } }]],
    ['SQL', aCase('SELECT name FROM users WHERE id = 3'), 'format', [{ type: 'is-sql' }, { type: 'rouge-n', threshold: 0.5 }]],
    ['a worked answer', aCase('2+3 = <<2+3=5>>5\n5*2 = <<5*2=10>>10\n#### 10'), 'behavior', [{ type: 'contains', value: '#### 10' }]],
    ['a tool call', aCase('', { toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] }), 'format', [{ type: 'contains', value: 'get_weather' }]],
    ['free text of a knowledge workload', aCase('Returns are accepted within 30 days at any store.'), 'knowledge', [{ type: 'factuality' }]],
    ['free text of a style workload', aCase('Arr matey, the parrot be fine today, aye!'), 'style', [{ type: 'llm-rubric' }]],
    ['a preference pair of a ranking workload', aCase('A careful, complete answer here.', { rejected: 'Dunno.' }), 'ranking', [{ type: 'llm-rubric' }]],
  ] as const)('%s', (_name, c, job, expected) => {
    const got = assertionsFor(c, job);
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(got[i]).toMatchObject(e));
  });
});

describe('evaluation set: the promptfoo file', () => {
  it('has the shape of promptfoo’s documented config and test cases, in YAML and in JSON', () => {
    const s = sample([...tickets.slice(0, 30), imageLine('Value in 2015?', '38')], 10, 4);
    const opts = { job: 'behavior' as const, trainingFile: 'train.jsonl', workloadName: 'Ticket router' };
    const fromYaml: unknown = parse(promptfooConfigText(s, opts, 'yaml'));
    const fromJson: unknown = JSON.parse(promptfooConfigText(s, opts, 'json'));
    expect(fromYaml).toEqual(fromJson);
    const config = promptfooConfig.parse(fromYaml);
    expect(config.tests).toHaveLength(10);
    for (const t of config.tests) expect(Object.keys(t.vars)).toEqual(expect.arrayContaining(['system', 'prompt', 'context']));
    // Every var the tests set is one the prompt template reads.
    const raw = config.prompts[0].raw;
    for (const v of ['system', 'prompt', 'context']) expect(raw).toContain(`{{ ${v} | dump }}`);
  });

  it('says in its header how to run it and bring the results back', () => {
    const text = promptfooConfigText(sample(tickets.slice(0, 5), 5, 1), { job: null, trainingFile: 't.jsonl', workloadName: 'W' }, 'yaml');
    expect(text.split('\n')[0]).toBe('# Offramp evaluation set: 5 tasks from t.jsonl (seed 1).');
    expect(text).toContain('promptfoo eval -c <this file> -o results.json');
  });
});

describe('evaluation set: DPO pairs', () => {
  it('writes a preference example as prompt, chosen and rejected, with the system prompt in the prompt', () => {
    const ex = parseExample({ input: { messages: [{ role: 'system', content: 'Pick the right one.' }, { role: 'user', content: 'Which?' }] }, preferred_output: [{ role: 'assistant', content: 'A' }], non_preferred_output: [{ role: 'assistant', content: 'B' }] }) as Example;
    expect(dpoPair(ex)).toEqual({ prompt: 'Pick the right one.\n\nWhich?', chosen: 'A', rejected: 'B' });
    expect(dpoPair(parseExample({ prompt: 'x', completion: 'y' }) as Example)).toBeNull();
  });
});
