// Benchmark of the roadmap PDF: 200 workloads command to file (Chromium launch included) beside its floor, the same
// Chromium printing a static HTML file with as many pages; 5,000 workloads (about 5,800 pages) against the five-minute
// target; and the peak memory of the whole process tree (node + every Chromium process) for both against 1.5 GB.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportRoadmapHeadless, openHeadless } from '../../electron/exporters/headlessRoadmap.ts';
import { launchChromium } from '../../electron/exporters/chromiumPdf.ts';
import { RENDERER_DIR, startRendererServer } from '../../electron/exporters/rendererServer.ts';
import { generatedWorkspaceFile } from '../integration/exporters/workspaces.ts';
import type { BenchResult } from './engine.ts';
import { figure, median, RUNS, type Sample } from './harness.ts';
import { descendantsCpuMs } from './processes.ts';

const TODAY = '2026-11-25';
const LARGE = 5_000;
/** Runs of the 5,000-workload print (each about two minutes on the 2-core machine): three for a median, about 8 minutes in all; OFFRAMP_BENCH_ROADMAP_LARGE_RUNS=0 skips it. */
const LARGE_RUNS = Number(process.env.OFFRAMP_BENCH_ROADMAP_LARGE_RUNS ?? 3);
const MEMORY_LIMIT_MB = 1536;
const TIME_LIMIT_MS = 5 * 60_000;

const mb = (kb: number) => Math.round(kb / 1024);

/** The children of every thread of `pid`: Chromium starts its renderer and utility processes from a launcher thread. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      out.push(...fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // The thread ended while we read it.
    }
  }
  return out;
}

/** RSS (kB) of this process and every descendant (Chromium's browser, zygote, GPU, utility and renderer processes), from /proc. */
function treeRssKb(pid = process.pid): number {
  // Walks only this process tree (children files), so sampling stays cheap on a busy machine.
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return rss + childrenOf(pid).reduce((sum, child) => sum + treeRssKb(child), 0);
  } catch {
    return 0; // The process ended while we read it.
  }
}

/** Runs `fn`, sampling the tree's RSS every 200 ms; CPU is this process's plus its descendants' (Chromium, ended ones included as far as /proc still shows them). */
async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number; peakKb: number }> {
  let peakKb = treeRssKb();
  let childCpu = descendantsCpuMs();
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, treeRssKb());
    // Chromium ends with the print: keep the last reading of its CPU before it goes.
    childCpu = Math.max(childCpu, descendantsCpuMs());
  }, 200);
  const cpuBefore = process.cpuUsage();
  const childBefore = childCpu;
  const started = performance.now();
  try {
    const value = await fn();
    const ms = performance.now() - started;
    const own = process.cpuUsage(cpuBefore);
    return { value, ms, cpuMs: (own.user + own.system) / 1000 + Math.max(0, childCpu - childBefore), peakKb };
  } finally {
    clearInterval(timer);
  }
}

/** A static document of `pages` landscape sheets with about as much text and table as a roadmap page. */
function staticHtml(pages: number): string {
  const rows = Array.from({ length: 28 }, (_, i) => `<tr><td>Workload ${i}</td><td>Client</td><td>2026-12-0${i % 9}</td><td>2027-01-0${i % 9}</td><td>Late by ${i} working days; bridge needed before the training deadline</td></tr>`).join('');
  const sheet = (n: number) => `<section><h2>Section ${n}</h2><table>${rows}</table><footer>Page ${n} of ${pages}</footer></section>`;
  return `<!doctype html><html><head><style>
    @page { size: A4 landscape; margin: 0 } body { margin: 0; font: 10px sans-serif }
    section { height: 792px; padding: 40px 48px; box-sizing: border-box; break-after: page; overflow: hidden }
    table { width: 100%; border-collapse: collapse } td { border-bottom: 0.5px solid #ccc; padding: 3px }
  </style></head><body>${Array.from({ length: pages }, (_, i) => sheet(i + 1)).join('')}</body></html>`;
}

/**
 * The roadmap's own pages as a static file: the print view's DOM once laid out, scripts and CSP removed, next to a copy
 * of the bundled CSS and fonts. Printing it costs what Chromium needs for exactly these pages, without the app.
 */
async function roadmapAsStaticHtml(db: string, dir: string): Promise<string> {
  const session = await openHeadless(db, { today: TODAY });
  const server = await startRendererServer(session.app.dispatch);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}#/print/roadmap/A4/all/${TODAY}`);
    await page.waitForFunction(() => (globalThis as { __offrampPrintReady?: unknown }).__offrampPrintReady !== undefined);
    await page.evaluate(() => (globalThis as { __offrampPrintReady?: Promise<void> }).__offrampPrintReady);
    const html = (await page.evaluate(() => document.documentElement.outerHTML))
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    const staticDir = path.join(dir, 'static');
    fs.cpSync(path.join(RENDERER_DIR, 'assets'), path.join(staticDir, 'assets'), { recursive: true });
    const file = path.join(staticDir, 'roadmap.html');
    fs.writeFileSync(file, `<!doctype html>${html}`);
    return file;
  } finally {
    await browser.close();
    await server.close();
    await session.close();
  }
}

async function printStatic(file: string, out: string): Promise<void> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    fs.writeFileSync(out, await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }));
  } finally {
    await browser.close();
  }
}

/** Prints `db`'s roadmap `runs` times after one warm-up: a sample per run and the highest peak. */
async function printRuns(db: string, out: string, runs: number, warmUp: boolean): Promise<{ samples: Sample[]; peakKb: number[]; pages: number }> {
  // One warm-up so the first run's disk cache misses do not count against either side.
  if (warmUp) await exportRoadmapHeadless({ db, out, paper: 'A4', today: TODAY });
  const samples: Sample[] = [];
  const peakKb: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const run = await withPeakMemory(() => exportRoadmapHeadless({ db, out, paper: 'A4', today: TODAY }));
    samples.push({ wallMs: run.ms, cpuMs: run.cpuMs });
    peakKb.push(run.peakKb);
    pages = run.value.pages;
  }
  return { samples, peakKb, pages };
}

/** Peak memory as a figure: the median run's peak in MB, the spread over runs, against 1.5 GB. */
function memoryFigure(name: string, peakKb: number[]): BenchResult {
  const values = peakKb.map(mb);
  const value = median(values);
  return {
    name, value, unit: 'MB', target: '≤ 1.5 GB', pass: value <= MEMORY_LIMIT_MB,
    spread: [Math.min(...values), Math.max(...values)], runs: values.length,
  };
}

export async function benchRoadmap(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-bench-roadmap-'));
  try {
    const db = await generatedWorkspaceFile(dir, { workloads: 200, clients: 20, today: TODAY });
    const out = path.join(dir, 'roadmap.pdf');
    const mine = await printRuns(db, out, RUNS, true);
    const floor = async (file: string) => {
      const samples: Sample[] = [];
      let peak = 0;
      await printStatic(file, path.join(dir, 'static.pdf'));
      for (let i = 0; i < RUNS; i++) {
        const run = await withPeakMemory(() => printStatic(file, path.join(dir, 'static.pdf')));
        samples.push({ wallMs: run.ms, cpuMs: run.cpuMs });
        peak = Math.max(peak, run.peakKb);
      }
      return { samples, peakKb: peak };
    };
    const tables = path.join(dir, 'tables.html');
    fs.writeFileSync(tables, staticHtml(mine.pages));
    const same = await floor(await roadmapAsStaticHtml(db, dir));
    const plain = await floor(tables);
    const floorName = `Chromium printing the same ${mine.pages} pages saved as static HTML`;
    const results: BenchResult[] = [
      figure({
        name: `roadmap: 200 workloads to PDF, command to file (${mine.pages} A4 pages, Chromium launch included)`,
        samples: mine.samples, floor: { name: floorName, samples: same.samples }, ratioTarget: { text: '≤ 2×', max: 2 },
      }),
      figure({ name: `roadmap: floor, ${floorName}`, samples: same.samples }),
      figure({ name: `roadmap: Chromium printing ${mine.pages} pages of plain HTML tables (system font), for scale`, samples: plain.samples }),
      memoryFigure('roadmap: peak memory at 200 workloads, node + every Chromium process', mine.peakKb),
      { name: 'roadmap: floor peak memory (same pages, static)', value: mb(same.peakKb), unit: 'MB' },
    ];
    fs.rmSync(db, { force: true });
    if (LARGE_RUNS < 1) return results;

    const large = await generatedWorkspaceFile(dir, { workloads: LARGE, clients: 50, today: TODAY });
    const big = await printRuns(large, path.join(dir, 'large.pdf'), LARGE_RUNS, false);
    const runs = LARGE_RUNS === 1 ? '1 run' : `median of ${LARGE_RUNS} runs`;
    results.push(
      figure({
        name: `roadmap: 5,000 workloads / 50 clients to PDF, command to file (${runs})`,
        samples: big.samples, unit: 's', target: '≤ 5 min', limit: TIME_LIMIT_MS,
      }),
      { name: 'roadmap: pages of the 5,000-workload roadmap (A4)', value: big.pages, unit: 'pages' },
      memoryFigure(`roadmap: peak memory at 5,000 workloads, node + every Chromium process (${runs})`, big.peakKb),
    );
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
