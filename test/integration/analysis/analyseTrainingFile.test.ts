// The file-level refusals of the training-data analyser: each names the file, a line and what to fix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseTrainingFile } from '../../../electron/importers/analyseTrainingFile.ts';

function file(name: string, text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-analyse-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

describe('analyseTrainingFile', () => {
  it('refuses an empty file at line 1', async () => {
    await expect(analyseTrainingFile(file('empty.jsonl', '  \n'))).rejects.toMatchObject({ code: 'import_invalid', line: 1, message: 'empty.jsonl is empty; choose a JSON Lines file with one training example per line.' });
  });

  it('refuses a file of an unknown shape and names the first line’s keys', async () => {
    const text = `${JSON.stringify({ edu1: 'a', edu2: 'b', label: 'support' })}\n${JSON.stringify({ edu1: 'c', edu2: 'd', label: 'none' })}\n`;
    await expect(analyseTrainingFile(file('pairs.jsonl', text))).rejects.toMatchObject({
      code: 'import_invalid',
      line: 1,
      message: expect.stringMatching(/^pairs\.jsonl has no readable training example \(2 of 2 lines are malformed\)\. First problem: Line 1: The example's shape is not one Offramp reads \(its keys are "edu1", "edu2", "label"\)/),
    });
  });

  it('reports a line of several megabytes of nesting as that line’s problem and analyses the rest', async () => {
    const good = (i: number) => JSON.stringify({ question: `What does plan ${i} cost?`, answer: `Plan ${i} costs $${10 + i} a month.` });
    const lines = [good(1), good(2), `{"messages": ${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}}`, good(3), good(4), good(5)];
    const a = await analyseTrainingFile(file('mixed.jsonl', `${lines.join('\n')}\n`));
    expect(a.examples).toBe(5);
    expect(a.malformed.lines.map((m) => m.line)).toEqual([3]);
    expect(a.shapes.question_answer).toBe(5);
    expect(a.topJob).toBe('knowledge');
  });
});
