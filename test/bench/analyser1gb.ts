// Benchmark: the training-data analyser keeps its memory flat on a generated 1 GB JSONL (every record
// shape it reads, one pathological line in 999). Peak RSS on the 1 GB file is compared with the peak on a
// file a tenth the size, analysed the same way in the same run: flat means the bigger file costs no
// more than a small fixed margin; median of RUNS (3) of each, spread beside it, CPU beside wall for the time.
// Export for test/bench/run.ts: benchAnalyser1gb().
// OFFRAMP_BENCH_ANALYSER_BYTES sets the size (default 1 GB) for a quicker local run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyseTrainingFile } from '../../electron/importers/analyseTrainingFile.ts';
import type { BenchResult } from './engine.ts';
import { figure, median, RUNS, timed, type Sample } from './harness.ts';

const GB = 1024 * 1024 * 1024;
const MARGIN_MB = 96;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Lines that break things: a long run, deep nesting, a truncated object (built once). */
const HOSTILE = [
  JSON.stringify({ messages: [{ role: 'user', content: 'x' }, { role: 'assistant', content: '`'.repeat(200_000) }] }),
  `{"messages": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
  '{"messages": [',
];

/** One line of each record shape in turn, with distinct content so maps hit their caps. */
function recordLine(i: number): string {
  const user = `Question ${i}: what does plan ${i % 977} cost in region ${i % 13}, and when is it billed? ${'Some context. '.repeat(i % 9)}`;
  switch (i % 9) {
    case 0:
      return JSON.stringify({ messages: [{ role: 'system', content: 'Answer from the price list.' }, { role: 'user', content: user }, { role: 'assistant', content: `Plan ${i % 977} costs $${(i % 500) + 9} per month, billed on day ${(i % 28) + 1}.` }] });
    case 1:
      return JSON.stringify({ conversations: [{ from: 'human', value: user }, { from: 'gpt', value: ['refund', 'login', 'shipping'][i % 3] }] });
    case 2:
      return JSON.stringify({ question: user, answer: `SELECT price FROM plans WHERE id = ${i % 977} AND region = ${i % 13}` });
    case 3:
      return JSON.stringify({ instruction: 'Extract the fields as JSON.', input: user, output: JSON.stringify({ plan: i % 977, region: i % 13, day: (i % 28) + 1 }) });
    case 4:
      return JSON.stringify({ prompt: user, response: `Subjective:\nAsks about plan ${i}.\nAssessment:\nBilling question.\nPlan:\nSend the price list.` });
    case 5:
      return JSON.stringify({ prompt: user, chosen: `Plan ${i % 977} is $${i % 500}.`, rejected: 'No idea.' });
    case 6:
      return JSON.stringify({ messages: [{ role: 'user', content: [{ type: 'text', text: user }, { type: 'image_url', image_url: { url: `https://example.org/${i}.png` } }] }, { role: 'assistant', content: String(i % 100) }] });
    case 7:
      return JSON.stringify({ text: `### Instruction:\n${user}\n\n### Response:\n${i % 7}+${i % 5} = <<${i % 7}+${i % 5}=${(i % 7) + (i % 5)}>>${(i % 7) + (i % 5)}\n#### ${(i % 7) + (i % 5)}` });
    default:
      // The ninth shape is a ShareGPT conversation; one line in 999 is a hostile one instead.
      return Math.floor(i / 9) % 111 === 0 ? HOSTILE[Math.floor(i / 999) % HOSTILE.length] : JSON.stringify({ conversations: [{ from: 'human', value: user }, { from: 'gpt', value: `Plan ${i % 977} is billed monthly.` }] });
  }
}

function writeFile(file: string, target: number): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let batch: string[] = [];
  let batchBytes = 0;
  for (let i = 0; bytes < target; i++) {
    const line = `${recordLine(i)}\n`;
    batch.push(line);
    bytes += line.length;
    batchBytes += line.length;
    if (batchBytes > 8 * 1024 * 1024) {
      fs.writeSync(fd, batch.join(''));
      batch = [];
      batchBytes = 0;
    }
  }
  fs.writeSync(fd, batch.join(''));
  fs.closeSync(fd);
  return bytes;
}

/** One analysis of `file`: its peak RSS (sampled every 20 ms and at each progress report), wall and CPU. */
async function peakDuring(file: string): Promise<{ peak: number; sample: Sample; examples: number; malformed: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const { value: a, sample } = await timed(() => analyseTrainingFile(file, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) }));
    return { peak: Math.max(peak, process.memoryUsage().rss), sample, examples: a.examples, malformed: a.malformed.total };
  } finally {
    clearInterval(timer);
  }
}

/**
 * RUNS analyses of the tenth-size file (the floor: what the analyser holds on a file it reads with ease), then
 * RUNS of the 1 GB file; growth is each big run's peak over the small run of the same turn, median and spread.
 */
export async function benchAnalyser1gb(): Promise<BenchResult[]> {
  const target = Number(process.env.OFFRAMP_BENCH_ANALYSER_BYTES ?? GB);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-bench-analyser-'));
  const small = path.join(dir, 'small.jsonl');
  const big = path.join(dir, 'big.jsonl');
  try {
    writeFile(small, Math.round(target / 10));
    const smallRuns: Awaited<ReturnType<typeof peakDuring>>[] = [];
    for (let i = 0; i < RUNS; i++) smallRuns.push(await peakDuring(small));
    fs.rmSync(small);
    const bytes = writeFile(big, target);
    const bigRuns: Awaited<ReturnType<typeof peakDuring>>[] = [];
    for (let i = 0; i < RUNS; i++) bigRuns.push(await peakDuring(big));
    const growths = bigRuns.map((b, i) => mb(b.peak - smallRuns[i].peak));
    const growth = median(growths);
    const last = bigRuns[bigRuns.length - 1];
    const mbs = bigRuns.map((b) => Math.round(mb(bytes) / (b.sample.wallMs / 1000)));
    const floorName = 'peak RSS on the file a tenth the size (the floor)';
    const peaks = (runs: typeof bigRuns) => runs.map((r) => mb(r.peak));
    return [
      { name: `training analysis of a generated ${mb(bytes)} MB JSONL (9 record shapes, 1 hostile line in 999): examples`, value: last.examples, unit: '' },
      { name: '  lines reported as that line’s problem', value: last.malformed, unit: '' },
      figure({ name: '  time', samples: bigRuns.map((b) => b.sample), unit: 's' }),
      { name: '  throughput', value: median(mbs), unit: 'MB/s', spread: [Math.min(...mbs), Math.max(...mbs)], runs: RUNS },
      { name: '  peak RSS', value: median(peaks(bigRuns)), unit: 'MB', spread: [Math.min(...peaks(bigRuns)), Math.max(...peaks(bigRuns))], runs: RUNS },
      { name: `  ${floorName}`, value: median(peaks(smallRuns)), unit: 'MB', spread: [Math.min(...peaks(smallRuns)), Math.max(...peaks(smallRuns))], runs: RUNS },
      {
        name: '  peak RSS growth over a file a tenth the size (memory flat)',
        value: growth,
        unit: 'MB',
        spread: [Math.min(...growths), Math.max(...growths)],
        floor: { name: floorName, value: median(peaks(smallRuns)) },
        runs: RUNS,
        target: `≤ ${MARGIN_MB} MB`,
        pass: growth <= MARGIN_MB,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
