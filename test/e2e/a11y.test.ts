// Accessibility checked, not assumed: axe-core on every screen, the start screen and the dialogs, with no serious or
// critical violation; and the keyboard reaches every control of a screen with a focus ring a sighted user can see.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { closeSession, openSession, startWith } from './session.ts';
import { SCREENS } from './screens.ts';

// Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly) refuses an injected <script>.
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Runs axe on the page as it is now; answers the serious and critical violations, each with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

describe.skipIf(skipWithoutChromium())('accessibility in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  /** What Chromium reported as refused by the Content-Security-Policy (which allows no inline style or script). */
  const refusedByCsp: string[] = [];

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ timeout: 15_000 }));
    await page.setViewportSize({ width: 1440, height: 900 });
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refusedByCsp.push(m.text()); });
  });

  afterAll(() => closeSession(browser, host));

  async function open(route: string, heading: string) {
    await page.goto(`${host.url}#${route}`);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    // Screens that load their data after the heading (plan, matrix) show it before they are judged.
    await page.waitForFunction(() => !document.querySelector('main [role="status"][aria-busy="true"]'));
  }

  it('has no serious or critical violation on the start screen', async () => {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New from sample…' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(SCREENS)('has no serious or critical violation on $route', async ({ route, heading }) => {
    if (!(await page.getByRole('navigation', { name: 'Main' }).count())) await startWith({ host, page }, 'New from sample…', 'a11y.offramp');
    await open(route, heading);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has no serious or critical violation in a form dialog, a delete confirmation and the toasts after it', async () => {
    await open('/clients', 'Clients');
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('dialog', { name: 'Add client' }).waitFor();
    // An attempt without a name, so the dialog also shows a field error.
    await page.getByRole('dialog', { name: 'Add client' }).getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('dialog', { name: 'Add client' }).locator('[aria-invalid="true"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Delete Harbor Bank' }).click();
    await page.getByRole('dialog', { name: 'Delete Harbor Bank?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // And the toast that offers Undo afterwards, then the one that says what was undone.
    await page.getByRole('dialog', { name: 'Delete Harbor Bank?' }).getByRole('button', { name: 'Delete client' }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted client Harbor Bank.' }).getByRole('button', { name: 'Undo' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+z');
    await page.getByRole('status').filter({ hasText: 'Undid: delete client Harbor Bank' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(SCREENS)('reaches every control of $route with Tab, each with a visible focus ring', async ({ route, heading }) => {
    await open(route, heading);
    const expected = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex="0"]',
    )].filter((el) => el.getClientRects().length > 0 && !el.closest('[inert], [aria-hidden="true"]') && getComputedStyle(el).visibility !== 'hidden').length);
    await page.locator('body').focus();
    const seen = new Set<string>();
    const unringed: string[] = [];
    // Radio groups take one Tab stop; a long screen may have hundreds of controls: stop once focus comes round again.
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        // A ring is an outline, or a shadow the element does not have unfocused (buttons carry a shadow of their own);
        // a radio may ring its label card instead (:has(input:focus-visible)), so the two ancestors count too.
        const ringed = (node: HTMLElement) => {
          const style = getComputedStyle(node);
          if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1) return true;
          const twin = node.cloneNode(false) as HTMLElement;
          twin.removeAttribute('id');
          node.after(twin);
          const unfocused = getComputedStyle(twin).boxShadow;
          twin.remove();
          return style.boxShadow !== 'none' && style.boxShadow !== unfocused;
        };
        const ring = [el, el.parentElement, el.parentElement?.parentElement].some((n) => n && n !== document.body && ringed(n));
        const path: string[] = [];
        for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) path.unshift(`${n.tagName}:${[...(n.parentElement?.children ?? [])].indexOf(n)}`);
        return { key: path.join('/'), ring, name: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"` };
      });
      if (!f) continue;
      if (seen.has(f.key)) break;
      seen.add(f.key);
      if (!f.ring) unringed.push(f.name);
    }
    expect(unringed, `${route}: focused without a visible ring`).toEqual([]);
    // Radios share a stop, so fewer stops than controls is expected; far fewer would mean controls the keyboard cannot reach.
    expect(seen.size).toBeGreaterThanOrEqual(Math.min(expected, 12));
  });

  it('breaks no rule of the strict Content-Security-Policy on any screen or in the roadmap print view', async () => {
    await page.goto(`${host.url}#/print/roadmap/A4/all/today`);
    await page.locator('.rm-print-host').getByText('Roadmap', { exact: false }).first().waitFor();
    // The print view sizes its pages with an adopted style sheet, not an inline <style> the policy would refuse.
    expect(await page.evaluate(() => document.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.startsWith('@page'))))).toBe(true);
    expect(refusedByCsp).toEqual([]);
  });
});
