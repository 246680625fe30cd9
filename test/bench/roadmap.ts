// Benchmark of the roadmap PDF for 200 workloads: command to file (Chromium launch included) and peak memory of the
// whole process tree, beside the floor: the same Chromium printing a static HTML file with as many pages.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportRoadmapHeadless, openHeadless } from '../../electron/exporters/headlessRoadmap.ts';
import { launchChromium } from '../../electron/exporters/chromiumPdf.ts';
import { RENDERER_DIR, startRendererServer } from '../../electron/exporters/rendererServer.ts';
import { generatedWorkspaceFile } from '../integration/exporters/workspaces.ts';
import type { BenchResult } from './engine.ts';

const TODAY = '2026-11-25';
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (kb: number) => Math.round(kb / 1024);

/** RSS (kB) of this process and every descendant (Chromium's browser, GPU and renderer processes), from /proc. */
function treeRssKb(pid = process.pid): number {
  // Walks only this process tree (children files), so sampling stays cheap on a busy machine.
  try {
    const rss = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return rss + children.reduce((sum, child) => sum + treeRssKb(child), 0);
  } catch {
    return 0; // The process ended while we read it.
  }
}

async function withPeakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakKb: number }> {
  let peakKb = treeRssKb();
  const timer = setInterval(() => { peakKb = Math.max(peakKb, treeRssKb()); }, 200);
  const started = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - started, peakKb };
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

export async function benchRoadmap(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-bench-roadmap-'));
  try {
    const db = await generatedWorkspaceFile(dir, { workloads: 200, clients: 20, today: TODAY });
    const out = path.join(dir, 'roadmap.pdf');
    const times: number[] = [];
    let peakKb = 0;
    let pages = 0;
    // One warm-up so the first run's disk cache misses do not count against either side.
    await exportRoadmapHeadless({ db, out, paper: 'A4', today: TODAY });
    for (let i = 0; i < RUNS; i++) {
      const run = await withPeakMemory(() => exportRoadmapHeadless({ db, out, paper: 'A4', today: TODAY }));
      times.push(run.ms);
      peakKb = Math.max(peakKb, run.peakKb);
      pages = run.value.pages;
    }
    const floor = async (file: string) => {
      const times: number[] = [];
      let peak = 0;
      await printStatic(file, path.join(dir, 'static.pdf'));
      for (let i = 0; i < RUNS; i++) {
        const run = await withPeakMemory(() => printStatic(file, path.join(dir, 'static.pdf')));
        times.push(run.ms);
        peak = Math.max(peak, run.peakKb);
      }
      return { ms: Math.round(median(times)), peakKb: peak };
    };
    const tables = path.join(dir, 'tables.html');
    fs.writeFileSync(tables, staticHtml(pages));
    const same = await floor(await roadmapAsStaticHtml(db, dir));
    const plain = await floor(tables);
    const ms = Math.round(median(times));
    const ratio = Math.round((ms / same.ms) * 100) / 100;
    return [
      { name: `roadmap: 200 workloads to PDF, command to file (${pages} A4 pages, Chromium launch included)`, value: ms, unit: 'ms' },
      { name: `roadmap: floor, Chromium printing the same ${pages} pages saved as static HTML`, value: same.ms, unit: 'ms' },
      { name: 'roadmap: time over that floor', value: ratio, unit: '×', target: '≤ 2×', pass: ratio <= 2 },
      { name: `roadmap: Chromium printing ${pages} pages of plain HTML tables (system font), for scale`, value: plain.ms, unit: 'ms' },
      { name: 'roadmap: peak memory, node + Chromium processes', value: mb(peakKb), unit: 'MB' },
      { name: 'roadmap: floor peak memory (same pages, static)', value: mb(same.peakKb), unit: 'MB' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
