// Pins the analyser's top-job agreement on the team's corpus so a regression fails CI. The excerpts
// kept in the repo always run; the files in ../shared and ../analyser-corpus run when present.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementPercent, evaluateCorpus, readLabels } from '../../../scripts/analyserCorpus.ts';
import { teamCorpusDirs } from '../../../scripts/eval-analyser.ts';

const { dir, extra } = teamCorpusDirs();
const [shared, outside] = extra;

describe('analyser on the team corpus of real training files', () => {
  it('names the expected top job for at least 90% of the excerpts kept in the repo, none by a wide margin', async () => {
    const report = await evaluateCorpus(dir);
    expect(report.evaluated).toBeGreaterThanOrEqual(10);
    expect(agreementPercent(report)).toBeGreaterThanOrEqual(90);
    expect(report.wideMisses.map((m) => m.file)).toEqual([]);
  });

  it.skipIf(!fs.existsSync(shared) && !fs.existsSync(outside))('keeps at least 90% on the whole corpus where its files are present', async () => {
    const report = await evaluateCorpus(dir, extra);
    console.log(`[corpus] ${report.evaluated} of ${report.results.length} files present (${path.relative(dir, outside)} and ../shared)`);
    expect(agreementPercent(report)).toBeGreaterThanOrEqual(90);
    expect(report.wideMisses.map((m) => m.file)).toEqual([]);
  });

  it('has at least 30 labelled files, each present in the repo or listed with a source and checksum', () => {
    const labels = readLabels(path.join(dir, 'labels.txt'));
    expect(labels.length).toBeGreaterThanOrEqual(30);
    // The team fixtures are listed in ../shared's own SOURCES.md, which this folder's SOURCES.md names.
    const sources = fs.readFileSync(path.join(dir, 'SOURCES.md'), 'utf8');
    for (const l of labels) expect(fs.existsSync(path.join(dir, l.file)) || sources.includes(l.file), l.file).toBe(true);
  });

  it('refuses a labels file line that names an unknown job, naming the line', () => {
    const tmp = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'labels-'));
    fs.writeFileSync(path.join(tmp, 'labels.txt'), '# x\na.jsonl=knowledge\nb.jsonl=retrieval\n');
    expect(() => readLabels(path.join(tmp, 'labels.txt'))).toThrow('labels.txt line 3: "b.jsonl=retrieval" is not FILE=job or FILE=job1|job2');
  });
});
