// The review cycle in Chromium: set a baseline on the Plan screen, change an input, see what moved on screen and in the
// roadmap PDF; cost at volume on the Plan screen; the milestones calendar with and without step ends.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestHost, type TestHost } from '../host/server.ts';
import { printRouteToPdf } from '../../electron/exporters/chromiumPdf.ts';
import { launchBrowser, offlinePage, skipWithoutChromium } from './browser.ts';
import { ok, shot, startWith } from './session.ts';

const TODAY = '2026-11-25';

describe.skipIf(skipWithoutChromium())('baselines, cost at volume and the calendar in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    host = await startTestHost({ today: TODAY, printToPdf: (route, o) => printRouteToPdf(host.url, route, { ...o, browser }) });
    ({ page } = await offlinePage(browser, host.url));
    page.setDefaultTimeout(20_000);
    await startWith({ host, page }, 'New from sample…', path.join(host.dir, 'review.offramp'));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
  });

  const baselines = () => page.getByRole('region', { name: 'Baselines' });
  const openPlan = async () => {
    await page.goto(`${host.url}#/plan`);
    // A change made through the handlers (not this page) is read on a fresh load.
    await page.reload();
    await page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();
  };

  it('sets a named baseline from the Plan screen and finds nothing moved at first', async () => {
    await openPlan();
    await baselines().getByText('No baseline yet').waitFor();
    await baselines().getByLabel('Baseline name').fill('Steering committee');
    await baselines().getByRole('button', { name: 'Set baseline' }).click();
    await baselines().getByRole('heading', { name: /Changes since Steering committee/ }).waitFor();
    await baselines().getByText(/Nothing moved/).waitFor();
  });

  it('shows on screen what moved once an input changes, in working days and which way', async () => {
    const workloads = ok<{ id: number; name: string; startDate: string | null }[]>(await host.app.dispatch('workloads.list', {}));
    const target = workloads.find((w) => w.name === 'Support answer drafts')!;
    ok(await host.app.dispatch('workloads.update', { ...target, startDate: '2026-12-14' }));
    await openPlan();
    const changes = baselines().getByRole('table', { name: 'Changes since Steering committee' });
    const row = changes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Support answer drafts' }) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Cut-over moved \d+ working days later: \d{4}-\d\d-\d\d → \d{4}-\d\d-\d\d\./);
    expect(await changes.getByRole('row').count()).toBe(2); // the header and the one workload that moved
    // The baseline's bars can be drawn behind the plan's as ghosts.
    expect(await page.locator('.gantt__ghost').count()).toBe(0);
    await baselines().getByLabel('Show baseline bars on the timeline').check();
    await page.locator('.gantt__ghost').first().waitFor();
    await shot(page, 'plan-baseline-changes');
  });

  it('prints the same changes in the roadmap PDF', async () => {
    const file = path.join(host.dir, 'review.pdf');
    host.platform.queueDialog(file);
    ok(await host.app.dispatch('export.roadmapPdf', { paper: 'A4', today: TODAY }));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/CHANGES SINCE STEERING COMMITTEE/i);
    expect(text.match(/Support answer drafts \S+ \S+ Changed Cut-over moved \d+ working days later/)).not.toBeNull();
    // One date style ("9 Dec 2026"), never ISO; "wd" only on the timeline, whose legend explains it.
    expect(text.match(/.{40}\b20\d\d-\d\d-\d\d\b.{10}/)?.[0] ?? null).toBeNull();
    expect(text).toContain('wd = working days');
    // A workload without a job profile says so in one line; the cover names the rule behind the sunset date.
    expect(text).toContain('No job profile yet.');
    expect(text).toMatch(/Set by the (training deadline minus \d+ days for retest and rollback|\w+ commitment|contract)/);
  });

  it('shows cost at volume per client, with unknown where an input is missing', async () => {
    await openPlan();
    const region = page.getByRole('region', { name: 'Cost at volume' });
    const perClient = region.getByRole('table', { name: 'Cost at volume per client' });
    const harbor = perClient.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Harbor Bank' }) });
    await harbor.waitFor();
    const cells = await harbor.getByRole('cell').allInnerTexts();
    expect(cells[1]).toMatch(/^\$[\d,]+\.\d\d/); // monthly today: volume × baseline cost
    expect(cells[2]).toBe('unknown'); // no candidate evaluated yet: after migration is unknown, not $0.00
    await region.getByRole('button', { name: 'Show cost per workload' }).click();
    const perWorkload = region.getByRole('table', { name: 'Cost at volume per workload' });
    await perWorkload.waitFor();
    expect(await perWorkload.innerText()).toContain('unknown: no candidate evaluated');
    expect(await perWorkload.innerText()).not.toContain('$0.00');
  });

  it('renames a baseline, deletes it after confirming, and Undo brings it back', async () => {
    await openPlan();
    await baselines().getByRole('button', { name: 'Rename…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename baseline' });
    await dialog.getByLabel('New name').fill('Board pack');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await baselines().getByRole('heading', { name: /Changes since Board pack/ }).waitFor();
    await baselines().getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('dialog', { name: /Delete baseline Board pack/ }).getByRole('button', { name: 'Delete baseline' }).click();
    await baselines().getByText('No baseline yet').waitFor();
    await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
    await baselines().getByRole('heading', { name: /Changes since Board pack/ }).waitFor();
  });

  it('exports the milestones calendar without step ends by default, and with them when asked', async () => {
    await page.goto(`${host.url}#/roadmap`);
    await page.getByRole('heading', { name: 'Roadmap', level: 1 }).waitFor();
    const events = async (file: string) => {
      host.platform.queueDialog(file);
      await page.getByRole('button', { name: 'Milestones (.ics)…' }).click();
      await page.getByText(/Saved the milestones calendar/).waitFor();
      const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
      return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    };
    const plain = await events(path.join(host.dir, 'plain.ics'));
    expect(plain.some((e) => e.summary.startsWith('Commitment due:'))).toBe(true);
    expect(plain.some((e) => e.summary.startsWith('Notice by:'))).toBe(true);
    expect(plain.some((e) => e.summary.startsWith('Sunset:'))).toBe(true);
    expect(plain.some((e) => e.summary.startsWith('Step '))).toBe(false);
    for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click();
    await page.getByLabel('Include every step end in the milestones calendar').check();
    const withSteps = await events(path.join(host.dir, 'steps.ics'));
    const steps = withSteps.filter((e) => e.summary.startsWith('Step '));
    expect(steps.length).toBe(withSteps.length - plain.length);
    expect(steps.length % 6).toBe(0);
    expect(steps.length).toBeGreaterThan(0);
  });
});
