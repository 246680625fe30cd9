// The workloads table with 5,000 rows: it renders, scrolls and sorts while only a window of rows is in the DOM.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { runCli } from '../support/cli.ts';
import { skipWithoutChromium } from './browser.ts';
import { SHOTS, closeSession, openSession, startWith } from './session.ts';

const MAX_ROWS_IN_DOM = 80;

describe.skipIf(skipWithoutChromium())('workloads table at 5,000 rows', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ timeout: 10_000 }));
    // One transaction through the real CLI: faster than 5,000 IPC calls, same schema.
    const run = runCli(['generate', '--db', path.join(host.dir, 'portfolio.offramp'), '--clients', '20', '--workloads', '5000', '--seed', '7']);
    if (run.status !== 0) throw new Error(`generate failed: ${run.stderr}`);
  });

  afterAll(() => closeSession(browser, host));

  const bodyRows = () => page.getByRole('table', { name: /Workloads/ }).locator('tbody tr');

  it('opens the workspace and renders a bounded window of the 5,000 rows', async () => {
    await startWith({ host, page }, 'Open…', 'portfolio.offramp');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workloads' }).click();
    await page.getByText('5,000 workloads').waitFor();
    await bodyRows().first().waitFor();
    const rendered = await bodyRows().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    expect(await page.getByRole('table', { name: /Workloads/ }).getAttribute('aria-rowcount')).toBe('5001');
    await page.screenshot({ path: path.join(SHOTS, 'workloads-5000.png') });
  });

  it('scrolls to the end and shows the last rows, still with a bounded DOM', async () => {
    const scroller = page.locator('.virtual-scroll');
    const lastIndex = async () => Math.max(...(await bodyRows().evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('aria-rowindex'))))));
    await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect.poll(lastIndex).toBe(5001);
    // No timing here (a loaded machine must not fail it): the fling's frame times are in `npm run bench`.
    expect(await bodyRows().count()).toBeLessThanOrEqual(MAX_ROWS_IN_DOM);
    await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
    await expect.poll(async () => (await lastIndex()) < 5001).toBe(true);
  });

  it('sorts and filters all 5,000 rows, not only the rendered ones', async () => {
    const table = page.getByRole('table', { name: /Workloads/ });
    await page.locator('.virtual-scroll').evaluate((el) => { el.scrollTop = 0; });
    const volume = table.getByRole('columnheader', { name: /Monthly volume/ });
    await volume.getByRole('button').click();
    await expect.poll(() => volume.getAttribute('aria-sort')).toBe('descending');
    const firstVolume = await bodyRows().first().locator('td').nth(4).innerText();
    const max = await page.evaluate(async () => {
      const r = await fetch('ipc/workloads.list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const body = (await r.json()) as { ok: boolean; value: { monthlyVolume: number }[] };
      return Math.max(...body.value.map((w) => w.monthlyVolume));
    });
    expect(Number(firstVolume.replace(/,/g, ''))).toBe(max);

    await page.getByLabel('Criticality').selectOption({ label: 'Business-critical' });
    await expect.poll(async () => (await page.locator('.toolbar__count').innerText()) !== '5,000 workloads').toBe(true);
    const badges = await bodyRows().locator('.badge').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['Business-critical']));
  });
});
