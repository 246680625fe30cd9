// The heart of the product in Chromium: answer the questionnaire, see the recommendation and the plan change,
// override a component with a reason, and the plan screen with 30 workloads (screenshots in docs/screenshots).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { SHOTS, closeSession, ok, openSession, startWith } from './session.ts';

const KYC = 'KYC document field extraction';

/** A synthetic workload for the 30-workload portfolio: varied criticality, constraints and baselines. */
function aWorkload(i: number, clientId: number) {
  const names = ['Invoice line extraction', 'Churn reason tagging', 'Store FAQ assistant', 'Warranty claim triage', 'Product title rewriter',
    'Return label router', 'Loyalty email tone', 'Contract clause finder', 'Fraud note summariser', 'Agent reply ranker',
    'Shipping ETA answers', 'Menu translation', 'Lead scoring notes', 'HR policy helper', 'IT ticket tagger', 'Search query rewriter',
    'Review moderation', 'Catalogue attribute fill'];
  return {
    clientId,
    name: names[i % names.length],
    criticality: (['important', 'business_critical', 'important', 'experimental'] as const)[i % 4],
    deployment: i % 7 === 3 ? 'edge' as const : 'cloud' as const,
    regulated: i % 5 === 2,
    monthlyVolume: [40_000, 300_000, 1_500_000, 90_000][i % 4],
    latencyTargetMs: i % 3 === 0 ? 250 : null,
    baselineAccuracy: i % 4 === 1 ? null : 0.9,
    baselineP95Ms: i % 3 === 2 ? null : 700,
    baselineCostPer1k: 0.8,
    startDate: i % 6 === 5 ? '2026-12-07' : null,
  };
}

function aProfile(i: number, workloadId: number) {
  const weights = [
    { knowledge: 80, format: 40, style: 0, behavior: 0, ranking: 0 },
    { knowledge: 0, format: 0, style: 0, behavior: 85, ranking: 0 },
    { knowledge: 40, format: 0, style: 60, behavior: 0, ranking: 0 },
    { knowledge: 0, format: 80, style: 0, behavior: 30, ranking: 0 },
    { knowledge: 0, format: 0, style: 20, behavior: 0, ranking: 75 },
    { knowledge: 60, format: 30, style: 30, behavior: 30, ranking: 0 },
  ][i % 6];
  const source = i % 2 === 0 ? 'questionnaire' as const : 'analysis' as const;
  return {
    workloadId, weights, confirmed: i % 3 !== 0, evidence: [],
    sources: { knowledge: source, format: source, style: source, behavior: source, ranking: source },
  };
}

/** The sample's 12 workloads plus 18 synthetic ones, spread over its three clients: 30 in all. */
async function seedThirty(host: TestHost): Promise<void> {
  const ids = ok<{ id: number }[]>(await host.app.dispatch('clients.list', {})).map((c) => c.id);
  for (let i = 0; i < 18; i++) {
    const w = ok<{ id: number }>(await host.app.dispatch('workloads.create', aWorkload(i, ids[i % ids.length])));
    ok(await host.app.dispatch('jobProfiles.set', aProfile(i, w.id)));
  }
}

const toTop = (page: Page) => page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));

describe.skipIf(skipWithoutChromium())('decision panel and plan in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let external: string[];

  beforeAll(async () => {
    ({ host, browser, page, external } = await openSession({ timeout: 10_000 }));
    await startWith({ host, page }, 'New from sample…', 'plan.offramp');
  });

  afterAll(() => closeSession(browser, host));

  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  const planTable = () => page.getByRole('table', { name: 'Plan table' });
  const panel = () => page.getByRole('region', { name: 'Decision' });
  const question = (text: RegExp) => panel().getByRole('group', { name: text });

  async function openWorkload(name: string) {
    await nav('Workloads').click();
    await page.getByRole('table', { name: /Workloads/ }).getByRole('link', { name }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Workload sections' }).getByRole('link', { name: 'Decision' }).click();
    await panel().getByText('Recommendation', { exact: false }).first().waitFor();
  }

  async function planRow(name: string) {
    await nav('Plan').click();
    await page.getByRole('button', { name: 'Table' }).click();
    const row = planTable().getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await row.waitFor();
    return row;
  }

  /** Working days of step 3 (Benchmark) as the plan table shows them, e.g. "10 d". */
  async function benchmarkDays(name: string): Promise<number> {
    const row = await planRow(name);
    const text = await row.locator('td[data-step="3"]').innerText();
    return Number(/(\d+) d/.exec(text)?.[1]);
  }

  it('answers the questionnaire: an on-prem behavior job makes every part an open-weight adapter, and the benchmark step grows', async () => {
    // The bank's onboarding audit sets an early sunset, so the plan may already be compressed: compare, not exact days.
    const before = await benchmarkDays(KYC);

    await openWorkload(KYC);
    await question(/fixed decision from a known set/).getByLabel('Yes, it is central').check();
    await question(/fixed format/).getByLabel('Yes, partly').check();
    await question(/Where must the model run/).getByLabel(/on-prem/).check();

    // Live, before saving: the preview shows the new components (R6: on-prem, so the format part is self-hosted too)
    // and the longer benchmark (one more job to compare).
    await panel().getByText('Unsaved answers').waitFor();
    await panel().getByRole('list', { name: 'Components' }).getByText('Open-weight adapter').first().waitFor();
    expect(await panel().getByRole('list', { name: 'Components' }).getByText('Open-weight adapter').count()).toBe(2);
    const changes = panel().getByRole('list', { name: 'Step changes' });
    const change = /Step 3, Benchmark the alternatives: (\d+) → (\d+) working days/.exec(await changes.innerText());
    expect(Number(change?.[1])).toBe(before);
    expect(Number(change?.[2])).toBeGreaterThan(before);
    await page.screenshot({ path: path.join(SHOTS, 'decision-preview.png') });

    await panel().getByRole('button', { name: 'Save answers' }).click();
    await expect.poll(() => panel().getByText('Unsaved answers').count()).toBe(0);
    await panel().getByRole('list', { name: 'Components' }).getByText('Open-weight adapter').first().waitFor();
    expect(await panel().getByRole('list', { name: 'Rules that fired' }).innerText()).toMatch(/R5/);

    expect(await benchmarkDays(KYC)).toBe(Number(change?.[2]));
    expect(external).toEqual([]);
  });

  it('overrides a component with a required reason, shown in the panel and in the plan table, and clears it', async () => {
    await openWorkload(KYC);
    await panel().getByRole('button', { name: 'Override format…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Override format' });
    await dialog.getByLabel('Retrieval (RAG)').check();
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await dialog.getByText('Say why you override').waitFor();
    await dialog.getByLabel('Reason').fill('The bank runs every generative part on one self-hosted model.');
    await page.screenshot({ path: path.join(SHOTS, 'decision-override-dialog.png') });
    await dialog.getByRole('button', { name: 'Save override' }).click();
    await dialog.waitFor({ state: 'detached' });

    const components = panel().getByRole('list', { name: 'Components' });
    await components.getByText('Override', { exact: true }).waitFor();
    expect(await components.innerText()).toContain('The bank runs every generative part on one self-hosted model.');
    await panel().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'decision-override.png') });

    const row = await planRow(KYC);
    expect(await row.getByText('Override', { exact: true }).isVisible()).toBe(true);
    expect(await row.innerText()).toContain('self-hosted model');

    await openWorkload(KYC);
    await panel().getByRole('button', { name: 'Clear the override of format' }).click();
    await expect.poll(() => panel().getByRole('list', { name: 'Components' }).getByText('Override', { exact: true }).count()).toBe(0);
  });

  it('answers by keyboard alone: arrow keys move between choices, Discard returns to the saved answers', async () => {
    await openWorkload('Ticket router');
    const group = question(/fixed format/);
    const checked = group.locator('input:checked');
    const before = await checked.getAttribute('value');
    await checked.focus();
    await page.keyboard.press(before === 'central' ? 'ArrowLeft' : 'ArrowRight');
    await panel().getByText('Unsaved answers').waitFor();
    expect(await group.locator('input:checked').getAttribute('value')).not.toBe(before);
    const discard = panel().getByRole('button', { name: 'Discard' });
    await discard.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel().getByText('Unsaved answers').count()).toBe(0);
    expect(await group.locator('input:checked').getAttribute('value')).toBe(before);
  });

  it('screenshots the decision panel', async () => {
    await openWorkload('Support answer drafts');
    for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click();
    await page.getByRole('heading', { name: 'Decision', level: 2 }).scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const h = [...document.querySelectorAll('h2')].find((e) => e.textContent === 'Decision');
      h?.closest('section')?.scrollIntoView({ block: 'start' });
    });
    await page.screenshot({ path: path.join(SHOTS, 'decision.png') });
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.screenshot({ path: path.join(SHOTS, 'decision-full.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('plans 30 workloads on one screen: roll-ups, timeline with markers, table; bars readable by keyboard', async () => {
    // The sample is dated from today (deadline 250 days out): put the vendor's real deadline back, 42 days away.
    const policy = ok<{ events: { kind: string; date: string }[] }>(await host.app.dispatch('policy.get', {}));
    ok(await host.app.dispatch('policy.update', { ...policy, events: policy.events.map((e) => (e.kind === 'training_deadline' ? { ...e, date: '2027-01-06' } : e)) }));
    await seedThirty(host);
    await page.reload();
    await nav('Plan').click();
    await page.getByRole('button', { name: 'Timeline' }).click();
    const grid = page.getByRole('grid', { name: 'Plan timeline' });
    await grid.waitFor();
    expect(await page.getByRole('table', { name: 'Roll-up per client' }).locator('tbody tr').count()).toBe(3);
    expect(await page.getByLabel('Portfolio summary').innerText()).toMatch(/30/);

    // Keyboard: Tab reaches the first bar; arrows move; the tooltip names the step, its dates and reasons.
    const first = grid.locator('[data-bar][tabindex="0"]');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focused).toMatch(/step 3 Benchmark the alternatives: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
    await page.locator('.gantt__tooltip').waitFor();
    expect(await page.locator('.gantt__tooltip').innerText()).toMatch(/base 10/);
    await page.screenshot({ path: path.join(SHOTS, 'plan-tooltip.png') });
    await page.locator('main').click({ position: { x: 5, y: 5 } });

    // 42 days before the deadline with a year-end freeze: everything is late, and the table proposes bridges.
    await toTop(page);
    await page.screenshot({ path: path.join(SHOTS, 'plan-late.png') });
    await page.setViewportSize({ width: 1280, height: 1900 });
    await page.getByRole('button', { name: 'Table' }).click();
    await planTable().waitFor();
    expect(await planTable().locator('tbody tr').count()).toBeGreaterThanOrEqual(30);
    expect(await planTable().getByText(/^Bridge (required|recommended)/).count()).toBeGreaterThan(0);
    await toTop(page);
    await page.screenshot({ path: path.join(SHOTS, 'plan-table.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('replans when the policy changes in Settings', async () => {
    await page.getByRole('button', { name: 'Timeline' }).click();
    const summary = page.getByLabel('Portfolio summary');
    const before = await summary.innerText();
    const value = ok<{ retestDays: number }>(await host.app.dispatch('policy.get', {}));
    // Through the renderer so the inventory store sees the change, as Settings does.
    await page.evaluate(async (p) => {
      await fetch('ipc/policy.update', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p) });
    }, { ...value, retestDays: value.retestDays + 14 });
    await nav('Settings').click();
    await nav('Plan').click();
    await expect.poll(() => summary.innerText()).not.toBe(before);
  });

  it('opens the roadmap from the Plan screen to export it', async () => {
    await nav('Plan').click();
    await page.getByRole('link', { name: 'Export roadmap…' }).click();
    await page.getByRole('heading', { name: 'Roadmap', level: 1 }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/roadmap');
    expect(await page.getByRole('button', { name: 'Export PDF…' }).count()).toBe(1);
  });
});

describe.skipIf(skipWithoutChromium())('plan screen early in the migration', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Mid-September: enough room before the sunset for every status to appear.
    ({ host, browser, page } = await openSession({ today: '2026-09-14', timeout: 10_000 }));
    await startWith({ host, page }, 'New from sample…', 'early.offramp');
    await seedThirty(host);
    await page.reload();
  });

  afterAll(() => closeSession(browser, host));

  it('shows 30 workloads with their statuses in words and colours, and filters by client', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    const grid = page.getByRole('grid', { name: 'Plan timeline' });
    await grid.waitFor();
    const summary = await page.getByLabel('Portfolio summary').innerText();
    expect(summary).toMatch(/On track/);
    await page.screenshot({ path: path.join(SHOTS, 'plan.png') });
    await page.setViewportSize({ width: 1280, height: 1700 });
    await page.screenshot({ path: path.join(SHOTS, 'plan-full.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByLabel('Client filter').selectOption({ label: 'Harbor Bank' });
    await expect.poll(() => page.getByRole('table', { name: 'Roll-up per client' }).locator('tbody tr').count()).toBe(1);
    expect(await grid.getByRole('rowheader', { name: /Meridian Health/ }).count()).toBe(0);
  });

  it('keeps 250 workloads smooth: the timeline renders only the rows in view', async () => {
    const ids = ok<{ id: number }[]>(await host.app.dispatch('clients.list', {})).map((c) => c.id);
    for (let i = 0; i < 220; i++) {
      const w = ok<{ id: number }>(await host.app.dispatch('workloads.create', { ...aWorkload(i, ids[i % ids.length]), name: `Bulk workload ${String(i + 1).padStart(3, '0')}` }));
      await host.app.dispatch('jobProfiles.set', aProfile(i, w.id));
    }
    await page.reload();
    await page.getByLabel('Client filter').selectOption({ label: 'All clients' });
    // No timing here: the figure for a large plan is in `npm run bench`; a loaded machine must not fail this test.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plan' }).click();
    const grid = page.getByRole('grid', { name: 'Plan timeline' });
    await grid.waitFor();
    await expect.poll(() => page.getByLabel('Portfolio summary').innerText()).toMatch(/250/);
    const rendered = await grid.locator('[role="row"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    // The last row is reached by scrolling, and rendered then.
    await page.locator('.gantt').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => grid.locator('[role="row"]').last().getAttribute('aria-rowindex')).toBe(String(250 + 3));
  });
});
