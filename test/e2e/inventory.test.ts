// A consultant's first session: create a workspace, a client, two workloads and a commitment, reload, find it all again.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { closeSession, openSession, shotPath } from './session.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: shotPath(name) });

describe.skipIf(skipWithoutChromium())('inventory screens in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let external: string[];

  beforeAll(async () => {
    ({ host, browser, page, external } = await openSession({ timeout: 8000 }));
  });

  afterAll(() => closeSession(browser, host));

  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

  async function addWorkload(fields: { name: string; volume: string; criticality?: string; accuracy?: string }) {
    await nav('Workloads').click();
    await page.getByRole('link', { name: 'Add workload' }).click();
    await page.getByLabel('Name', { exact: true }).fill(fields.name);
    await page.getByLabel('Monthly volume').fill(fields.volume);
    if (fields.criticality) await page.getByLabel('Criticality').selectOption({ label: fields.criticality });
    if (fields.accuracy) await page.getByLabel('Baseline accuracy').fill(fields.accuracy);
  }

  it('starts on the start screen and makes no request outside the app', async () => {
    await page.goto(host.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Offramp' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'New workspace…' }).waitFor();
    await shot(page, 'start');
    expect(external).toEqual([]);
  });

  it('creates a workspace and tells a new user to add a client first', async () => {
    host.platform.queueDialog('first.offramp');
    await page.getByRole('button', { name: 'New workspace…' }).click();
    await page.getByRole('heading', { name: "No clients yet — add the first organisation you're migrating" }).waitFor();
    expect(await page.getByRole('banner').getByText('first.offramp').isVisible()).toBe(true);
    await shot(page, 'clients-empty');
  });

  it('adds a client through a labelled dialog', async () => {
    await page.getByRole('button', { name: 'Add client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add client' });
    await dialog.getByLabel('Name').fill('Northwind Health');
    await dialog.getByLabel('Notes').fill('Support platform and claims workflows.');
    await dialog.getByRole('button', { name: 'Add client' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('rowheader', { name: 'Northwind Health' }).waitFor();
  });

  it('shows the validation message next to the field for a baseline accuracy of 1.5', async () => {
    await addWorkload({ name: 'Support reply drafting', volume: '1200000', criticality: 'Business-critical', accuracy: '1.5' });
    await page.getByRole('button', { name: 'Create workload' }).first().click();
    const accuracy = page.getByLabel('Baseline accuracy');
    await expect.poll(() => accuracy.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await accuracy.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()));
    expect(messages.join(' ')).toContain('Use a value from 0 to 1');
    // Focus moves to the field to fix.
    await expect.poll(() => accuracy.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, 'workload-validation');

    await accuracy.fill('0.91');
    await page.getByLabel('Latency target (p95)').fill('800');
    await page.getByLabel('Regulated').check();
    await page.getByRole('button', { name: 'Create workload' }).first().click();
    await page.getByRole('heading', { name: 'Support reply drafting', level: 1 }).waitFor();
    // Created: the workload opens on its Decision tab; its details are one tab away, saved as typed.
    await page.getByRole('region', { name: 'Decision' }).waitFor();
    await page.getByRole('navigation', { name: 'Workload sections' }).getByRole('link', { name: 'Details' }).click();
    await expect.poll(() => accuracy.inputValue()).toBe('0.91');
    expect(await accuracy.getAttribute('aria-invalid')).toBeNull();
    await shot(page, 'workload-detail');
  });

  it('adds a second workload and lists both in the table', async () => {
    await addWorkload({ name: 'Claims triage', volume: '40000', criticality: 'Experimental' });
    await page.getByRole('button', { name: 'Create workload' }).first().click();
    await page.getByRole('heading', { name: 'Claims triage', level: 1 }).waitFor();
    await nav('Workloads').click();
    const table = page.getByRole('table', { name: /Workloads/ });
    await table.getByRole('link', { name: 'Claims triage' }).waitFor();
    expect(await table.getByRole('link', { name: 'Support reply drafting' }).isVisible()).toBe(true);
    await shot(page, 'workloads');
  });

  it('sorts the table from the keyboard', async () => {
    const table = page.getByRole('table', { name: /Workloads/ });
    const volumeHeader = table.getByRole('columnheader', { name: /Monthly volume/ });
    await volumeHeader.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => volumeHeader.getAttribute('aria-sort')).toBe('descending');
    const first = await table.locator('tbody tr').first().getByRole('link').innerText();
    expect(first).toBe('Support reply drafting');
    await page.keyboard.press('Enter');
    await expect.poll(() => volumeHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await table.locator('tbody tr').first().getByRole('link').innerText()).toBe('Claims triage');
  });

  it('adds a commitment whose threshold label follows its kind, linked to one workload', async () => {
    await nav('Contracts & commitments').click();
    await page.getByRole('button', { name: 'Add commitment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add commitment' });
    await dialog.getByLabel('Customer').fill('Acme Insurance');
    await dialog.getByLabel('Kind').selectOption({ label: 'Latency (p95)' });
    await dialog.getByLabel('Maximum p95 latency').waitFor();
    await dialog.getByLabel('Kind').selectOption({ label: 'Accuracy' });
    await dialog.getByLabel('Minimum accuracy').fill('0.95');
    await dialog.getByLabel('Due date').fill('2026-12-15');
    await dialog.getByLabel('Notice period').fill('30');
    await dialog.getByRole('checkbox', { name: 'Support reply drafting' }).check();
    await shot(page, 'commitment-form');
    await dialog.getByRole('button', { name: 'Add commitment' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Acme Insurance/ });
    await row.waitFor();
    expect(await row.innerText()).toContain('Support reply drafting');
    expect(await row.innerText()).toContain('≥ 0.95');
    await shot(page, 'contracts-and-commitments');
  });

  it('finds everything again after a reload, and in the SQLite file', async () => {
    await page.reload();
    await nav('Workloads').waitFor();
    await nav('Clients').click();
    await page.getByRole('rowheader', { name: 'Northwind Health' }).waitFor();
    await nav('Workloads').click();
    const table = page.getByRole('table', { name: /Workloads/ });
    await table.getByRole('link', { name: 'Support reply drafting' }).waitFor();
    await table.getByRole('link', { name: 'Claims triage' }).waitFor();
    await nav('Contracts & commitments').click();
    await page.getByRole('row', { name: /Acme Insurance/ }).waitFor();

    const db = new Database(path.join(host.dir, 'first.offramp'), { readonly: true, fileMustExist: true });
    try {
      const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(count('clients')).toBe(1);
      expect(count('workloads')).toBe(2);
      expect(count('commitments')).toBe(1);
      expect(count('commitment_workloads')).toBe(1);
    } finally {
      db.close();
    }
  });

  it('asks before deleting a workload, and Escape cancels', async () => {
    await nav('Workloads').click();
    await page.getByRole('link', { name: 'Claims triage' }).click();
    await page.getByRole('button', { name: 'Delete workload' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Claims triage?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Claims triage');
    // Cancel has focus: Enter never deletes by accident.
    await expect.poll(() => dialog.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, 'delete-confirmation');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Claims triage', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Delete workload' }).click();
    await dialog.getByRole('button', { name: 'Delete workload' }).click();
    await page.getByRole('heading', { name: 'Workloads', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Claims triage' }).count()).toBe(0);
  });

  it('undoes the delete with the Undo button', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: 'Claims triage' }).waitFor();
  });

  it('asks before a link throws away unsaved edits of a workload', async () => {
    await nav('Workloads').click();
    await page.getByRole('link', { name: 'Support reply drafting' }).click();
    await page.getByLabel('Owner').fill('Priya (support ops)');
    await page.getByRole('status').filter({ hasText: 'Unsaved changes' }).waitFor();
    await nav('Clients').click();
    const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Owner').inputValue()).toBe('Priya (support ops)');
    await nav('Clients').click();
    await dialog.getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
  });

  it('names what goes with a client before deleting it', async () => {
    await nav('Clients').click();
    await page.getByRole('button', { name: 'Delete Northwind Health' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Northwind Health?' });
    const text = await dialog.innerText();
    expect(text).toContain('2 workloads');
    expect(text).toContain('1 commitment');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('keeps keyboard focus inside a dialog and closes it with Escape', async () => {
    await page.getByRole('button', { name: 'Add client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add client' });
    await dialog.waitFor();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('asks for a p95 threshold next to the field of a latency commitment', async () => {
    await nav('Contracts & commitments').click();
    await page.getByRole('button', { name: 'Add commitment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add commitment' });
    await dialog.getByLabel('Customer').fill('Globex');
    await dialog.getByLabel('Kind').selectOption({ label: 'Latency (p95)' });
    await dialog.getByRole('button', { name: 'Add commitment' }).click();
    const threshold = dialog.getByLabel('Maximum p95 latency');
    await expect.poll(() => threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.getByText('A latency commitment needs a p95 threshold in ms above 0').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('adds a vendor contract linked to a workload', async () => {
    await page.getByRole('button', { name: 'Add contract' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add contract' });
    await dialog.getByLabel('Name').fill('Hosted model API agreement');
    await dialog.getByLabel('Type').selectOption({ label: 'Vendor contract' });
    await dialog.getByLabel('Client').selectOption({ label: 'Northwind Health' });
    await dialog.getByLabel('Renewal date').fill('2027-03-01');
    await dialog.getByLabel('Notice period').fill('45');
    await dialog.getByRole('checkbox', { name: 'Claims triage' }).check();
    await dialog.getByRole('button', { name: 'Add contract' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Hosted model API agreement/ });
    expect(await row.innerText()).toContain('Claims triage');
    expect(await row.innerText()).toContain('45 days');
  });

  it('edits the deadline policy and the actor name in Settings', async () => {
    await nav('Settings').click();
    // The stored name may arrive while Playwright types; type again until the field holds exactly the new name.
    const yourName = page.getByLabel('Your name');
    await expect.poll(async () => { await yourName.fill('Dana Consultant'); return yourName.inputValue(); }).toBe('Dana Consultant');
    await page.getByRole('button', { name: 'Save name' }).click();
    await page.getByRole('button', { name: 'Add inference retirement date' }).click();
    await page.getByLabel('Date of event 2').fill('2027-06-30');
    await page.getByRole('button', { name: 'Add blackout period' }).click();
    await page.getByLabel('Start of blackout 1').fill('2026-12-21');
    await page.getByLabel('End of blackout 1').fill('2026-12-18');
    await page.getByRole('button', { name: 'Save and replan' }).first().click();
    const end = page.getByLabel('End of blackout 1');
    await expect.poll(() => end.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('A blackout must end on or after its start').isVisible()).toBe(true);
    await end.fill('2027-01-02');
    await page.getByLabel('Team capacity').fill('3');
    await page.getByRole('button', { name: 'Save and replan' }).first().click();
    await page.getByText('Saved the deadline policy', { exact: false }).waitFor();
    await page.reload();
    await nav('Settings').click();
    await expect.poll(() => page.getByLabel('Date of event 2').inputValue()).toBe('2027-06-30');
    expect(await page.getByLabel('Team capacity').inputValue()).toBe('3');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Dana Consultant');
    await shot(page, 'settings');
    expect(external).toEqual([]);
  });

  it('moves the sidebar countdown as soon as a new training deadline is saved in Settings', async () => {
    const countdown = page.getByRole('navigation', { name: 'Main' }).locator('.countdown');
    const daysLeft = async () => Number(/(-?\d+) days/.exec(await countdown.innerText())?.[1]);
    await nav('Settings').click();
    expect(await page.getByLabel('Kind of event 1').inputValue()).toBe('training_deadline');
    const oldDeadline = await page.getByLabel('Date of event 1').inputValue();
    const before = await daysLeft();
    const newDeadline = '2027-03-01';
    await page.getByLabel('Date of event 1').fill(newDeadline);
    await page.getByRole('button', { name: 'Save and replan' }).first().click();
    await expect.poll(() => countdown.innerText()).toContain(`to the training deadline, ${newDeadline}`);
    const moved = (Date.parse(newDeadline) - Date.parse(oldDeadline)) / 86_400_000;
    expect(await daysLeft()).toBe(before + moved);
  });
});
