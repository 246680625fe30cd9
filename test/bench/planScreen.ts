// What a user waits for on the Plan screen, in Chromium through the test host (real SQLite, React and the handlers):
// the screen painted after opening a 5,000-workload / 50-client workspace with 1,000,000 evaluation rows, and the
// plan on screen after one edit (a commitment date; questionnaire answers). Export for run.ts: benchPlanScreen().
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startTestHost, type TestHost } from '../host/server.ts';
import { launchBrowser, offlinePage } from '../e2e/browser.ts';
import type { BenchResult } from './engine.ts';
import { figure, repeat, type Sample } from './harness.ts';
import { BENCH_TODAY, benchWorkspace, copyOf } from './workspaces.ts';
import { descendantsCpuMs } from './processes.ts';

const ok = <T>(r: { ok: boolean; value?: unknown; error?: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error?.message ?? 'call failed');
  return r.value as T;
};

/** CPU of this process (the main process: handlers, SQLite) plus Chromium's processes, over `fn`. */
async function withCpu(fn: () => Promise<number>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const chromium = descendantsCpuMs();
  const wallMs = await fn();
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 + (descendantsCpuMs() - chromium) };
}

async function openWorkspace(host: TestHost, page: Page, file: string): Promise<void> {
  host.platform.queueDialog(file);
  ok(await host.app.dispatch('workspace.open', {}));
  // A reload, not a hash change: the app starts afresh on the newly opened workspace, as after File › Open.
  await page.goto(`${host.url}#/clients`);
  await page.reload();
  await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
}

// In-page code is plain text: the TypeScript runner would otherwise wrap its functions in helpers the page lacks.
const PAGE_HELPERS = `
  const painted = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const until = (selector) => new Promise((resolve) => {
    const check = () => (document.querySelector(selector) ? resolve() : requestAnimationFrame(check));
    check();
  });
  const mutated = (el) => new Promise((resolve) => {
    new MutationObserver((m, o) => { o.disconnect(); resolve(); }).observe(el, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const reorder = (order) => {
    const select = document.querySelector('.plan__sort select');
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, order);
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
`;

/** From a click on a main-navigation link to the frame after `selector` is in the DOM, timed inside the page. */
async function navigateAndPaint(page: Page, link: string, selector: string): Promise<number> {
  return page.evaluate(`(async () => {${PAGE_HELPERS}
    const a = [...document.querySelectorAll('nav[aria-label="Main"] a')].find((e) => e.textContent.trim() === ${JSON.stringify(link)});
    const start = performance.now();
    a.click();
    await until(${JSON.stringify(selector)});
    await painted();
    return performance.now() - start;
  })()`);
}

/**
 * One edit through the IPC (as the screen's form would send it), then the screen's own refresh path (changing the
 * order refetches the overview and the rows in view, as the change notification after an edit does), until the
 * timeline has changed and painted. Timed inside the page. Without a channel: the refresh alone (the floor).
 */
async function editAndPaint(page: Page, order: string, channel?: string, payload?: unknown): Promise<number> {
  return page.evaluate(`(async () => {${PAGE_HELPERS}
    const changed = mutated(document.querySelector('.gantt__body'));
    const start = performance.now();
    const channel = ${JSON.stringify(channel ?? null)};
    if (channel) {
      const r = await fetch('ipc/' + channel, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(JSON.stringify(payload ?? null))} });
      if (!r.ok) throw new Error(channel + ': HTTP ' + r.status);
    }
    reorder(${JSON.stringify(order)});
    await changed;
    await painted();
    return performance.now() - start;
  })()`);
}

export async function benchPlanScreen(): Promise<BenchResult[]> {
  const source = benchWorkspace({ clients: 50, workloads: 5_000, evaluationRows: 1_000_000 });
  const host = await startTestHost({ today: BENCH_TODAY });
  const browser = await launchBrowser();
  try {
    const { page } = await offlinePage(browser, host.url);
    page.setDefaultTimeout(120_000);

    // Plan screen painted, each run on a fresh copy (nothing cached); the floor is the Settings screen in the same app.
    const paint: Sample[] = [];
    const floor: Sample[] = [];
    await repeat(async (run) => {
      await openWorkspace(host, page, copyOf(source, host.dir, `plan-${run}.offramp`));
      floor.push(await withCpu(() => navigateAndPaint(page, 'Settings', 'main h1')));
      await navigateAndPaint(page, 'Clients', 'main h1');
      const sample = await withCpu(() => navigateAndPaint(page, 'Plan', '.gantt__bar'));
      if (run >= 0) paint.push(sample);
      return sample;
    }, 1);

    // Edits on the open Plan screen (warm: the plan is computed). Alternate the order so every run refetches.
    const commitment = ok<{ id: number; dueDate: string | null }[]>(await host.app.dispatch('commitments.list', {}))[0];
    const workloadId = ok<{ id: number }[]>(await host.app.dispatch('workloads.list', {}))[0].id;
    const orders = ['end', 'slack'];
    let flip = 0;
    const editSamples = await repeat(async (run) => withCpu(() => editAndPaint(page, orders[flip++ % 2], 'commitments.update',
      { ...commitment, dueDate: run % 2 === 0 ? '2026-06-01' : '2026-07-15' })), 1);
    const answerSamples = await repeat(async (run) => withCpu(() => editAndPaint(page, orders[flip++ % 2], 'questionnaire.apply',
      { workloadId, answers: { outputFormat: run % 2 === 0 ? 'json' : 'free_text' }, confirmed: true })), 1);
    // Floor: the same refresh and paint without an edit.
    const refreshFloor = await repeat(async () => withCpu(() => editAndPaint(page, orders[flip++ % 2])));

    return [
      figure({ name: 'Plan screen painted: 5,000 workloads / 50 clients, 1,000,000 evaluation rows (Chromium, cold)', samples: paint, target: '≤ 1 s', limit: 1000,
        floor: { name: 'Settings screen painted', samples: floor } }),
      figure({ name: 'one edit (commitment date) → plan on screen', samples: editSamples, target: '≤ 150 ms', limit: 150,
        floor: { name: 'refetch + repaint without an edit', samples: refreshFloor } }),
      figure({ name: 'one edit (questionnaire answers) → plan on screen', samples: answerSamples, target: '≤ 150 ms', limit: 150,
        floor: { name: 'refetch + repaint without an edit', samples: refreshFloor } }),
    ];
  } finally {
    await browser.close();
    await host.close();
    for (const f of fs.readdirSync(host.dir)) if (f.startsWith('plan-')) fs.rmSync(path.join(host.dir, f), { recursive: true, force: true });
  }
}
