// The shell at 1440×900 in Chromium: navigation and header stay put while only the content scrolls, on every screen;
// a workload's page is split into tabs and a new workload opens on its Decision tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { closeSession, openSession, shot, startWith } from './session.ts';
import { SCREENS } from './screens.ts';

const VIEWPORT = { width: 1440, height: 900 };

describe.skipIf(skipWithoutChromium())('layout at 1440×900', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ timeout: 15_000 }));
    await page.setViewportSize(VIEWPORT);
    await startWith({ host, page }, 'New from sample…', 'layout.offramp');
  });

  afterAll(() => closeSession(browser, host));

  async function open(route: string, heading: string) {
    await page.goto(`${host.url}#${route}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  }

  /** How far the window itself (not the content area) can scroll: 0 when the shell fits the window. */
  const windowOverflow = () => page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  const contentHeight = () => page.getByRole('main').evaluate((el) => el.scrollHeight);

  it('never lets the window scroll past the app on any screen, however long its content', async () => {
    const heights: { route: string; height: number }[] = [];
    for (const s of SCREENS) {
      await open(s.route, s.heading);
      expect(await windowOverflow(), s.route).toBe(0);
      heights.push({ route: s.route, height: await contentHeight() });
    }
    // The check means something: several screens are far taller than the window.
    expect(heights.filter((h) => h.height > VIEWPORT.height * 1.5).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the header and navigation in view at the bottom of the longest screen, with its last content in view', async () => {
    const heights: { s: (typeof SCREENS)[number]; height: number }[] = [];
    for (const s of SCREENS) {
      await open(s.route, s.heading);
      heights.push({ s, height: await contentHeight() });
    }
    const longest = heights.reduce((a, b) => (b.height > a.height ? b : a));
    await open(longest.s.route, longest.s.heading);
    // Its data arrives after the heading: wait until the screen is as long as it was measured, or the wheel has nothing to scroll.
    await expect.poll(contentHeight).toBeGreaterThanOrEqual(longest.height * 0.9);

    // Scroll as a person does, with the wheel over the content, until the content's end is reached.
    const main = page.getByRole('main');
    const box = (await main.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => {
      await page.mouse.wheel(0, 2_000);
      return main.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
    }).toBeLessThanOrEqual(1);
    expect(await main.evaluate((el) => el.scrollTop)).toBeGreaterThan(VIEWPORT.height);

    const inView = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
    };
    expect(await page.getByRole('banner').evaluate(inView)).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).evaluate(inView)).toBe(true);
    // Nothing blank below: the page's last element ends inside the window, within the page's own bottom padding.
    const gap = await main.evaluate((el) => {
      const page = el.firstElementChild as HTMLElement;
      const lastChild = page.lastElementChild as HTMLElement;
      return el.getBoundingClientRect().bottom - lastChild.getBoundingClientRect().bottom;
    });
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(80);
    expect(await windowOverflow()).toBe(0);
    await shot(page, 'layout-longest-screen-end');
  });

  it('splits a workload into Details, Decision, Evaluation, Governance and Plan tabs', async () => {
    await open('/workloads/1', 'Support answer drafts');
    const tabs = page.getByRole('navigation', { name: 'Workload sections' });
    const names = await tabs.getByRole('link').allInnerTexts();
    expect(names).toEqual(['Details', 'Decision', 'Evaluation matrix', 'Governance map', 'Plan']);
    expect(await tabs.getByRole('link', { name: 'Details' }).getAttribute('aria-current')).toBe('page');
    // The Decision panel is no longer under the form.
    expect(await page.getByRole('region', { name: 'Decision' }).count()).toBe(0);

    await tabs.getByRole('link', { name: 'Plan' }).click();
    await page.getByRole('heading', { name: 'Steps', level: 2 }).waitFor();
    expect(await page.getByRole('table', { name: 'Steps of Support answer drafts' }).locator('tbody tr').count()).toBe(6);
    await shot(page, 'workload-plan');

    await tabs.getByRole('link', { name: 'Decision' }).click();
    await page.getByRole('region', { name: 'Decision' }).getByText('Recommendation', { exact: false }).first().waitFor();
    expect(await tabs.getByRole('link', { name: 'Decision' }).getAttribute('aria-current')).toBe('page');
  });

  it('opens the Decision tab right after a workload is created, at the top of the window', async () => {
    await open('/workloads/new', 'New workload');
    await page.getByLabel('Name', { exact: true }).fill('Claims summariser');
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Harbor Bank' });
    await page.getByRole('button', { name: 'Create workload' }).first().click();
    const panel = page.getByRole('region', { name: 'Decision' });
    await panel.getByRole('group').first().waitFor();
    expect(new URL(page.url()).hash).toMatch(/^#\/workloads\/\d+\/decision$/);
    await page.getByRole('heading', { name: 'Claims summariser', level: 1 }).waitFor();
    // The first question is in the window without scrolling.
    const top = await panel.getByRole('group').first().evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(VIEWPORT.height);
    await shot(page, 'workload-new-decision');
  });
});
