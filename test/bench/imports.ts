// Benchmark of the pure importers: training-data analysis of a ~100 MB JSONL against the parse
// floor (the same file read line by line with JSON.parse alone, in the same run), and the parsing
// of 100,000 evaluation CSV rows against papaparse alone. Median of RUNS (3) with the fastest–slowest
// beside it, CPU beside wall. The DB-insert floors live in dbImports.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { analyseTrainingFile } from '../../electron/importers/analyseTrainingFile.ts';
import { readLines } from '../../electron/importers/readLines.ts';
import { parseEvaluationFile } from '../../shared/imports/evaluations.ts';
import type { BenchResult } from './engine.ts';
import { figure, median, round, RUNS, timed, type Sample } from './harness.ts';

const TARGET_BYTES = 100 * 1024 * 1024;
const EVAL_ROWS = 100_000;
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

/** A mix of the shapes real files have: labels, JSON extraction, persona replies, tool calls, preference pairs. */
function exampleLine(i: number): string {
  const system = ['You are a support ticket classifier. Respond with only one of these categories: Technical, Billing, Account.', 'Extract the invoice into JSON with vendor, total and currency.', 'You are a friendly pirate assistant.'][i % 3];
  const user = `Ticket ${i}: ${'my order arrived late and the invoice shows the wrong amount, can you help? '.repeat(1 + (i % 7))}`;
  switch (i % 5) {
    case 0:
      return JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: user }, { role: 'assistant', content: ['Technical', 'Billing', 'Account'][i % 3] }] });
    case 1:
      return JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: user }, { role: 'assistant', content: JSON.stringify({ vendor: `Vendor ${i % 97}`, total: (i % 1000) + 0.5, currency: 'EUR' }) }] });
    case 2:
      return JSON.stringify({ messages: [{ role: 'system', content: system }, { role: 'user', content: user }, { role: 'assistant', content: `Arr matey, ticket ${i} be sailin' to the billing crew; expect word within ${(i % 5) + 1} days. Arrr!` }] });
    case 3:
      return JSON.stringify({
        messages: [{ role: 'user', content: user }, { role: 'assistant', tool_calls: [{ id: 'c1', type: 'function', function: { name: 'lookup_order', arguments: JSON.stringify({ order: i }) } }] }],
        tools: [{ type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: { order: { type: 'number' } } } } }],
      });
    default:
      return JSON.stringify({ input: { messages: [{ role: 'user', content: user }] }, preferred_output: [{ role: 'assistant', content: `Short answer for ${i}.` }], non_preferred_output: [{ role: 'assistant', content: `A long and rambling answer for ticket ${i} that never gets to the point.` }] });
  }
}

function writeTrainingFile(file: string): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let batch: string[] = [];
  for (let i = 0; bytes < TARGET_BYTES; i++) {
    const line = exampleLine(i) + '\n';
    batch.push(line);
    bytes += Buffer.byteLength(line);
    if (batch.length === 5_000) {
      fs.writeSync(fd, batch.join(''));
      batch = [];
    }
  }
  fs.writeSync(fd, batch.join(''));
  fs.closeSync(fd);
  return bytes;
}

/** The floor: the same file read line by line with JSON.parse alone. */
async function parseFloor(file: string): Promise<number> {
  let n = 0;
  await readLines(file, { onLine: (t) => (t ? (JSON.parse(t), n++) : 0), onTooLong: () => undefined });
  if (n === 0) throw new Error('floor read no line');
  return n;
}

/**
 * Training analysis against its parse floor: a warm-up of each, then RUNS rounds of floor and analysis in turn
 * (so a busy spell hits both), each timed wall and CPU. The ratio is the median of the rounds' ratios, their spread beside it.
 */
async function benchTrainingAnalysis(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-bench-training-'));
  const file = path.join(dir, 'training.jsonl');
  try {
    const bytes = writeTrainingFile(file);
    await parseFloor(file); // warms the page cache and the JIT
    await analyseTrainingFile(file);
    global.gc?.();
    const baseRss = process.memoryUsage().rss;
    const floors: Sample[] = [];
    const runs: Sample[] = [];
    let analysis: Awaited<ReturnType<typeof analyseTrainingFile>> | null = null;
    // One sampler across both, so its timer costs the floor what it costs the analysis (the floor's peak is the lower).
    const sampler = rssSampler();
    for (let i = 0; i < RUNS; i++) {
      floors.push((await timed(() => parseFloor(file))).sample);
      const run = await timed(() => analyseTrainingFile(file));
      analysis = run.value;
      runs.push(run.sample);
    }
    const peakRss = sampler.stop();
    if (!analysis) throw new Error('analysis did not run');
    if (analysis.examples === 0) throw new Error('analysis read no example');
    const floorName = 'training analysis: floor (read lines + JSON.parse only)';
    // Each round's analysis over the floor measured just before it: a busy spell lands on both sides of one ratio.
    const perRound = runs.map((r, i) => r.wallMs / floors[i].wallMs);
    const ratio = round(median(perRound), 2);
    const cpuPerRound = runs.map((r, i) => (r.cpuMs ?? r.wallMs) / (floors[i].cpuMs ?? floors[i].wallMs));
    const main: BenchResult = {
      ...figure({ name: `training analysis: ${mb(bytes)} MB JSONL, ${analysis.examples.toLocaleString('en-US')} examples`, samples: runs, floor: { name: floorName, samples: floors } }),
      ratio,
      target: '≤ 3× the floor',
      pass: ratio <= 3,
    };
    return [
      main,
      figure({ name: floorName, samples: floors }),
      { name: 'training analysis: time vs parse floor (median of the rounds’ ratios)', value: ratio, unit: '×', spread: [round(Math.min(...perRound), 2), round(Math.max(...perRound), 2)], target: '≤ 3×', pass: ratio <= 3, runs: runs.length },
      { name: 'training analysis: CPU time vs the floor’s CPU time', value: round(median(cpuPerRound), 2), unit: '×', spread: [round(Math.min(...cpuPerRound), 2), round(Math.max(...cpuPerRound), 2)], runs: runs.length },
      { name: 'training analysis: throughput', value: Math.round(mb(bytes) / (median(runs.map((r) => r.wallMs)) / 1000)), unit: 'MB/s' },
      { name: 'training analysis: peak RSS', value: mb(peakRss), unit: 'MB' },
      { name: 'training analysis: RSS growth over the run (flat memory)', value: mb(Math.max(0, peakRss - baseRss)), unit: 'MB', target: '< 100 MB', pass: peakRss - baseRss < 100 * 1024 * 1024 },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function evaluationCsv(rows: number): string {
  const out = ['candidate,task_id,latency_ms,cost_usd,correct,grounded,refused,hallucinated,win_vs_baseline'];
  const names = ['RAG + small hosted model', 'LoRA on 8B open model', 'Hardened prompt', 'Fine-tuned baseline'];
  for (let i = 0; i < rows; i++) {
    out.push(`${names[i % 4]},t${Math.floor(i / 4)},${200 + (i % 1700)},${((i % 50) / 10_000).toFixed(4)},${i % 7 ? 'yes' : 'no'},${i % 3 ? 'true' : ''},${i % 31 ? 0 : 1},${i % 13 ? 'no' : 'yes'},${i % 2 ? 'pass' : 'fail'}`);
  }
  return out.join('\n') + '\n';
}

/** Parsing 100,000 evaluation rows against papaparse alone on the same text, in turn, RUNS rounds after a warm-up. */
async function benchEvaluationCsv(): Promise<BenchResult[]> {
  const text = evaluationCsv(EVAL_ROWS);
  parseEvaluationFile({ name: 'warm.csv', text: evaluationCsv(1_000) });
  Papa.parse<string[]>(text, { header: false });
  const floors: Sample[] = [];
  const runs: Sample[] = [];
  const sampler = rssSampler();
  for (let i = 0; i < RUNS; i++) {
    floors.push((await timed(() => Papa.parse<string[]>(text, { header: false }))).sample);
    const run = await timed(() => parseEvaluationFile({ name: 'evaluations.csv', text }));
    if (run.value.rows.length !== EVAL_ROWS) throw new Error(`expected ${EVAL_ROWS} rows, got ${run.value.rows.length}`);
    runs.push(run.sample);
  }
  const peakRss = sampler.stop();
  const floorName = 'evaluation CSV: floor (papaparse alone)';
  const main = figure({ name: `evaluation CSV: parse and validate ${EVAL_ROWS.toLocaleString('en-US')} rows (${mb(text.length)} MB)`, samples: runs, floor: { name: floorName, samples: floors } });
  return [
    main,
    figure({ name: floorName, samples: floors }),
    { name: 'evaluation CSV: rows per second', value: Math.round(EVAL_ROWS / (median(runs.map((r) => r.wallMs)) / 1000)), unit: '/s' },
    { name: 'evaluation CSV: peak RSS', value: mb(peakRss), unit: 'MB' },
  ];
}

export async function benchImports(): Promise<BenchResult[]> {
  return [...(await benchTrainingAnalysis()), ...(await benchEvaluationCsv())];
}
