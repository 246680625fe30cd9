// The roadmap in Chromium: clean pagination for 200 workloads (checked on the print view's layout), and exporting
// from the Roadmap screen with a preview, paper and scope, through the save dialog.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestHost, type TestHost } from '../host/server.ts';
import { printRouteToPdf } from '../../electron/exporters/chromiumPdf.ts';
import { launchBrowser, offlinePage, skipWithoutChromium } from './browser.ts';
import { shotPath } from './session.ts';
import { generatedWorkspaceFile, sampleWorkspaceFile } from '../integration/exporters/workspaces.ts';

const TODAY = '2026-11-25';
// docs/roadmap-screen.png only when refreshed deliberately (OFFRAMP_UPDATE_SHOTS=1); a plain run writes to test-results/.
const DOCS_SCREEN = process.env.OFFRAMP_UPDATE_SHOTS === '1'
  ? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/roadmap-screen.png')
  : shotPath('roadmap-screen');

async function readLayout(page: Page) {
  return page.evaluate(() => {
    const doc = document.querySelector<HTMLElement>('.rm-doc')!;
    const sheets = Array.from(document.querySelectorAll<HTMLElement>('.rm-sheet')).map((sheet) => {
      const body = sheet.querySelector<HTMLElement>('.rm-body')!.getBoundingClientRect();
      const rows = Array.from(sheet.querySelectorAll<HTMLElement>('.rm-tl-row')).map((row) => {
        const r = row.getBoundingClientRect();
        return { index: Number(row.dataset.rowIndex), page: Number(row.dataset.page), top: r.top, bottom: r.bottom };
      });
      // The content of each block (not its bottom padding) must end inside the page body.
      const blockOverflow = Array.from(sheet.querySelectorAll<HTMLElement>('.rm-block > *, .rm-timeline'))
        .filter((b) => b.getBoundingClientRect().bottom > body.bottom + 0.5)
        .map((b) => b.closest<HTMLElement>('.rm-block')?.dataset.block ?? 'timeline');
      return { page: Number(sheet.dataset.page), section: sheet.dataset.section ?? '', height: sheet.offsetHeight, bodyTop: body.top, bodyBottom: body.bottom, rows, blockOverflow };
    });
    return { pages: Number(doc.dataset.pages), rowsPerPage: Number(doc.dataset.rowsPerPage), timelinePages: Number(doc.dataset.timelinePages), sheets };
  });
}


/** A hang guard for steps that print hundreds of pages: a loaded machine may take minutes, and that is not a failure. */
const LONG = 10 * 60_000;
describe.skipIf(skipWithoutChromium())('roadmap print view in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let big: string;
  let sample: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    host = await startTestHost({ today: TODAY, printToPdf: (route, o) => printRouteToPdf(host.url, route, { ...o, browser }) });
    big = await generatedWorkspaceFile(host.dir, { workloads: 200, clients: 20, today: TODAY });
    sample = await sampleWorkspaceFile(host.dir, TODAY);
    ({ page } = await offlinePage(browser, host.url));
    // Steps wait for the print view's own signals; these bounds only catch a hang, never a slow machine.
    page.setDefaultTimeout(LONG);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  async function openPrintView(file: string, route: string) {
    host.platform.queueDialog(file);
    const r = await host.app.dispatch('workspace.open', {});
    expect(r.ok).toBe(true);
    await page.goto(`${host.url}#${route}`);
    await page.waitForFunction(() => (globalThis as { __offrampPrintReady?: unknown }).__offrampPrintReady !== undefined);
    await page.evaluate(() => (globalThis as { __offrampPrintReady?: Promise<void> }).__offrampPrintReady);
  }

  for (const paper of ['A4', 'Letter'] as const) {
    it(`lays 200 workloads out on ${paper} with whole timeline rows, the axis on every page and nothing cut off`, { timeout: LONG }, async () => {
      await openPrintView(big, `/print/roadmap/${paper}/all/${TODAY}`);
      const layout = await readLayout(page);
      const paperHeight = paper === 'A4' ? 793.7 : 816;
      const timeline = layout.sheets.filter((s) => s.section === 'timeline');

      expect(layout.sheets).toHaveLength(layout.pages);
      expect(layout.pages).toBeLessThan(200 * 1.5 + 30);
      expect(timeline).toHaveLength(Math.ceil(200 / layout.rowsPerPage));
      expect(layout.rowsPerPage).toBeGreaterThanOrEqual(18);
      for (const sheet of layout.sheets) {
        expect(sheet.height).toBeLessThan(paperHeight);
        expect(sheet.blockOverflow, `page ${sheet.page} cuts off content`).toEqual([]);
      }
      const rows = timeline.flatMap((s) => s.rows.map((r) => ({ ...r, sheet: s })));
      expect(rows.map((r) => r.index)).toEqual(Array.from({ length: 200 }, (_, i) => i));
      for (const r of rows) {
        expect(r.page).toBe(r.sheet.page);
        expect(r.top).toBeGreaterThanOrEqual(r.sheet.bodyTop);
        expect(r.bottom).toBeLessThanOrEqual(r.sheet.bodyBottom);
      }
      for (const s of timeline) {
        expect(s.rows.length).toBeLessThanOrEqual(layout.rowsPerPage);
        expect(await page.locator(`.rm-sheet[data-page="${s.page}"] .rm-tl-axis`).count()).toBe(1);
      }
    });
  }

  it('prints exactly the pages the print view laid out', { timeout: LONG }, async () => {
    await openPrintView(big, `/print/roadmap/A4/all/${TODAY}`);
    const { pages } = await readLayout(page);
    const pdf = await printRouteToPdf(host.url, `/print/roadmap/A4/all/${TODAY}`, { paper: 'A4', landscape: true, browser });
    const file = path.join(host.dir, 'big.pdf');
    fs.writeFileSync(file, pdf);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${pages}\\b`));
  });

  it('exports from the Roadmap screen after a preview, with the paper and scope chosen', { timeout: LONG }, async () => {
    host.platform.queueDialog(sample);
    const r = await host.app.dispatch('workspace.open', {});
    expect(r.ok).toBe(true);
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click();
    await page.getByRole('heading', { name: 'Roadmap' }).waitFor();
    await page.getByLabel('Scope').selectOption({ label: 'Harbor Bank' });
    await page.getByLabel('Letter landscape').check();
    const status = page.getByRole('status').filter({ hasText: /pages/ });
    await status.waitFor();
    expect(await page.getByLabel('Roadmap preview').locator('.rm-sheet').count()).toBeGreaterThan(3);
    expect(await page.getByLabel('Roadmap preview').getByText('Harbor Bank').first().isVisible()).toBe(true);
    await page.screenshot({ path: DOCS_SCREEN });
    host.platform.queueDialog('harbor.pdf');
    await page.getByRole('button', { name: 'Export PDF…' }).click();
    // However long a loaded machine takes to print: wait for the export's own message (the test's bound is the hang guard).
    await page.getByText(/Saved the roadmap \(\d+ pages\)/).waitFor({ timeout: 0 });
    const file = path.join(host.dir, 'harbor.pdf');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+792 x 612 pts/);
  });
});
