import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTrainingAnalyser } from '../../../shared/analysis/index.ts';
import { analyse, chatLine } from './builders.ts';

const good = (i: number): string => chatLine(`Ticket ${i}: the app crashes`, ['billing', 'technical', 'account'][i % 3]);

describe('analyser: a pathological line is that line’s problem', () => {
  it('analyses a reply of millions of characters on its first part, and the rest of the file as usual', () => {
    const huge = chatLine('Repeat a lot', 'a'.repeat(3_000_000));
    const r = analyse([good(0), good(1), huge, good(2), good(3), good(4), good(5)]);
    expect(r.examples).toBe(7);
    expect(r.notes.join(' ')).toMatch(/very long message was measured on its first 20,000 characters/);
  });

  it('reports a line nested too deeply to read and analyses the others', () => {
    const deep = `{"messages": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const r = analyse([good(0), deep, good(1), good(2), good(3), good(4), good(5)]);
    expect(r.examples).toBe(6);
    expect(r.malformed.lines.map((m) => m.line)).toEqual([2]);
    expect(r.topJob).toBe('behavior');
  });

  it('survives runs built to break regular expressions (long runs, near-miss fences, nested brackets)', () => {
    const runs = [
      chatLine('x', `${'```'.repeat(50_000)}`),
      chatLine('x', `${'('.repeat(100_000)}a${')'.repeat(100_000)}`),
      chatLine('x', `${'1+'.repeat(100_000)}1 = 2`),
      chatLine('x', `Rating:${' '.repeat(500_000)}x`),
      chatLine(`${'Why? '.repeat(200_000)}`, `${'#### '.repeat(100_000)}`),
      chatLine('x', `\\d\\w[`.repeat(100_000)),
    ];
    const r = analyse([good(0), ...runs, good(1), good(2), good(3), good(4), good(5)]);
    expect(r.examples + r.malformed.total).toBe(12);
    expect(r.examples).toBeGreaterThanOrEqual(6);
  });
});

describe('analyser: never throws', () => {
  it('on arbitrary lines, arbitrary JSON and arbitrary records of the known shapes', () => {
    const message = fc.record({ role: fc.constantFrom('system', 'user', 'assistant', 'tool', 'bot', 'model'), content: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] });
    const line = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.json(),
      fc.anything().map((v) => { try { return JSON.stringify(v) ?? 'null'; } catch { return 'x'; } }),
      fc.record({ messages: fc.array(message, { maxLength: 5 }) }).map((v) => JSON.stringify(v)),
      fc.record({ conversations: fc.array(fc.record({ from: fc.constantFrom('human', 'gpt', 'x'), value: fc.anything() }), { maxLength: 4 }) }).map((v) => JSON.stringify(v)),
      fc.record({ prompt: fc.anything(), chosen: fc.anything(), rejected: fc.anything() }).map((v) => JSON.stringify(v)),
      fc.record({ question: fc.anything(), answer: fc.anything(), instruction: fc.anything(), output: fc.anything(), text: fc.string() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.record({ input_text: fc.anything(), expected_output: fc.anything(), label: fc.anything(), translation: fc.dictionary(fc.string({ maxLength: 4 }), fc.anything(), { maxKeys: 3 }) }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.array(fc.constantFrom('### Original:\n', '### Response:\n', 'Rating: 2\n', '#### 7', '```sql\n', 'SELECT a FROM b', '<<2+2=4>>', ' arr! ', '\\d{3}', '{"a":1}'), { maxLength: 12 }).map((parts) => JSON.stringify({ text: parts.join('') })),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const a = createTrainingAnalyser({ lexicalSampleSize: 5 });
        lines.forEach((l, i) => a.addLine(l, i + 1));
        const r = a.finish();
        expect(r.examples + r.malformed.total).toBe(lines.filter((l) => l.trim() !== '').length);
        for (const w of Object.values(r.suggestedWeights)) expect(w >= 0 && w <= 100).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
