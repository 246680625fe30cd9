// Editing as a consultant does it, in Chromium at 1440×900: the menu's shortcuts through the shared command list, undo and
// redo that say what they did, numbers typed with thousands separators, ISO dates, and residency as a choice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import type { Workload } from '../../shared/domain/types.ts';
import { skipWithoutChromium } from './browser.ts';
import { closeSession, ok, openSession, shot, shotPath, startWith } from './session.ts';

describe.skipIf(skipWithoutChromium())('editing with the keyboard and forms', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ timeout: 15_000 }));
    await page.setViewportSize({ width: 1440, height: 900 });
    await startWith({ host, page }, 'New from sample…', 'editing.offramp');
  });

  afterAll(() => closeSession(browser, host));

  const h1 = (name: string) => page.getByRole('heading', { name, level: 1 });
  const toast = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text });
  const workload = async (id: number) => ok<Workload>(await host.app.dispatch('workloads.get', { id }));
  const tabs = () => page.getByRole('navigation', { name: 'Workload sections' });

  /** Saves the workload form and waits for this save's own confirmation (the form restarts from the saved values then). */
  async function saveWorkload(name: string) {
    for (const b of await page.getByRole('button', { name: 'Dismiss message' }).all()) await b.click();
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await toast(`Saved ${name}.`).waitFor();
  }

  it('moves between screens with Ctrl+1 to Ctrl+4 and opens the roadmap with Ctrl+P, as the View and File menus do', async () => {
    await h1('Clients').waitFor();
    await page.keyboard.press('Control+2');
    await h1('Workloads').waitFor();
    await page.keyboard.press('Control+3');
    await h1('Contracts & commitments').waitFor();
    await page.keyboard.press('Control+4');
    await h1('Plan').waitFor();
    await page.keyboard.press('Control+p');
    await h1('Roadmap').waitFor();
    await page.keyboard.press('Control+1');
    await h1('Clients').waitFor();
    expect(new URL(page.url()).hash).toBe('#/clients');
  });

  it('deletes a client, and Ctrl+Z undoes it saying what it undid; the toast that offered Undo goes', async () => {
    await page.getByRole('button', { name: 'Delete Harbor Bank' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Harbor Bank?' });
    await dialog.getByRole('button', { name: 'Delete client' }).click();
    await dialog.waitFor({ state: 'detached' });
    const offer = toast('Deleted client Harbor Bank.');
    await offer.getByRole('button', { name: 'Undo' }).waitFor();
    expect(await page.getByRole('banner').getByRole('button', { name: 'Undo' }).getAttribute('title')).toMatch(/^Undo delete client Harbor Bank/);
    expect(await page.getByRole('rowheader', { name: 'Harbor Bank' }).count()).toBe(0);

    await page.keyboard.press('Control+z');
    await toast('Undid: delete client Harbor Bank').waitFor();
    await page.getByRole('rowheader', { name: 'Harbor Bank' }).waitFor();
    expect(await offer.count()).toBe(0);
    await page.screenshot({ path: shotPath('undo-message') });

    await page.keyboard.press('Control+Shift+Z');
    await toast('Redid: delete client Harbor Bank').waitFor();
    await page.getByRole('rowheader', { name: 'Harbor Bank' }).waitFor({ state: 'detached' });
    await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('rowheader', { name: 'Harbor Bank' }).waitFor();
  });

  it("undoes from the toast's own Undo button, and leaves typing in a field to the field's own undo", async () => {
    await page.getByRole('button', { name: 'Add client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add client' });
    await dialog.getByLabel('Name').fill('Keyboard Co');
    await dialog.getByRole('button', { name: 'Add client' }).click();
    await page.getByRole('rowheader', { name: 'Keyboard Co' }).waitFor();
    await page.getByRole('button', { name: 'Delete Keyboard Co' }).click();
    await page.getByRole('dialog', { name: 'Delete Keyboard Co?' }).getByRole('button', { name: 'Delete client' }).click();
    await toast('Deleted client Keyboard Co.').getByRole('button', { name: 'Undo' }).click();
    await toast('Undid: delete client Keyboard Co').waitFor();
    await page.getByRole('rowheader', { name: 'Keyboard Co' }).waitFor();

    // Ctrl+Z inside a text field is the field's: the client added above stays.
    await page.getByRole('button', { name: 'Edit Keyboard Co' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit Keyboard Co' });
    await edit.getByLabel('Notes').fill('typed');
    await edit.getByLabel('Notes').press('Control+z');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.getByRole('rowheader', { name: 'Keyboard Co' }).count()).toBe(1);
  });

  it('reads 1,200 and 1 200 as 1200, refuses a decimal comma with a clear message, and keeps dates as yyyy-MM-dd', async () => {
    await page.goto(`${host.url}#/workloads/2`);
    await h1('Ticket router').waitFor();
    await page.getByLabel('Monthly volume').fill('1,200');
    await page.getByLabel('Pairwise feedback').fill('1 200');
    const accuracy = page.getByLabel('Baseline accuracy');
    await accuracy.fill('0,94');
    const start = page.getByLabel('Start date');
    expect(await start.getAttribute('type')).toBe('text');
    expect(await start.getAttribute('placeholder')).toBe('yyyy-mm-dd');
    await start.fill('2027-2-1');
    await start.press('Tab');
    expect(await start.inputValue()).toBe('2027-02-01');
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect.poll(() => accuracy.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await accuracy.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText();
    expect(message).toContain('Use a point for decimals');

    await accuracy.fill('0.94');
    await saveWorkload('Ticket router');
    const saved = await workload(2);
    expect(saved).toMatchObject({ monthlyVolume: 1200, pairwiseFeedback: 1200, baselineAccuracy: 0.94, startDate: '2027-02-01' });
    // Shown back as saved, in the same ISO form as the rest of the app.
    expect(await page.getByLabel('Start date').inputValue()).toBe('2027-02-01');
    expect(await page.getByLabel('Monthly volume').inputValue()).toBe('1200');
  });

  it('offers residency as a choice of none, a region or on-prem', async () => {
    const residency = page.getByLabel('Data residency');
    expect(await residency.locator('option').allInnerTexts()).toEqual(['None', 'A region…', "On-prem (data stays in the client's infrastructure)"]);
    expect(await page.getByLabel('Region', { exact: true }).count()).toBe(0);

    await residency.selectOption({ label: 'A region…' });
    await page.getByLabel('Region', { exact: true }).fill('EU');
    await shot(page, 'workload-residency');
    await saveWorkload('Ticket router');
    await expect.poll(async () => (await workload(2)).residency).toBe('EU');

    await page.getByLabel('Data residency').selectOption({ label: "On-prem (data stays in the client's infrastructure)" });
    await saveWorkload('Ticket router');
    await expect.poll(async () => (await workload(2)).residency).toBe('on_prem');
    expect(await page.getByLabel('Data residency').inputValue()).toBe('on_prem');

    await page.getByLabel('Data residency').selectOption({ label: 'None' });
    await saveWorkload('Ticket router');
    await expect.poll(async () => (await workload(2)).residency).toBeNull();
    expect(await tabs().getByRole('link', { name: 'Details' }).getAttribute('aria-current')).toBe('page');
  });

  it('creates and opens workspaces with Ctrl+N and Ctrl+O, asking for the file as the File menu does', async () => {
    await page.keyboard.press('Control+1');
    await h1('Clients').waitFor();
    host.platform.queueDialog('from-shortcut.offramp');
    await page.keyboard.press('Control+n');
    await page.getByRole('banner').getByText('from-shortcut.offramp').waitFor();
    await page.getByRole('heading', { name: "No clients yet — add the first organisation you're migrating" }).waitFor();

    host.platform.queueDialog('editing.offramp');
    await page.keyboard.press('Control+o');
    await page.getByRole('banner').getByText('editing.offramp').waitFor();
    await page.getByRole('rowheader', { name: 'Harbor Bank' }).waitFor();
  });
});
