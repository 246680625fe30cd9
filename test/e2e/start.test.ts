// The start screen: a damaged or emptied file is refused with its message and, when one exists, the offer of the latest
// good backup; a sample opens full.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { skipWithoutChromium } from './browser.ts';
import { SHOTS, closeSession, ok, openSession } from './session.ts';

describe.skipIf(skipWithoutChromium())('start screen', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ host, browser, page } = await openSession({ timeout: 10_000 }));
  });

  afterAll(() => closeSession(browser, host));

  it('refuses a damaged file with the reason, and offers no backup when none exists', async () => {
    fs.writeFileSync(path.join(host.dir, 'damaged.offramp'), 'SQLite format 3\0'.padEnd(8192, 'garbage'));
    await page.goto(host.url);
    host.platform.queueDialog('damaged.offramp');
    await page.getByRole('button', { name: 'Open…' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not open damaged.offramp' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/No good backup of it exists/);
    expect(await alert.getByRole('button', { name: /Open the latest backup/ }).count()).toBe(0);
  });

  it('refuses an emptied (0-byte) workspace and opens a copy of its latest good backup', async () => {
    const file = path.join(host.dir, 'emptied.offramp');
    const { app } = host;
    host.platform.queueDialog(file);
    ok(await app.dispatch('workspace.create', {}));
    ok(await app.dispatch('clients.create', { name: 'Acme Bank' }));
    ok(await app.dispatch('workspace.close', {}));
    host.platform.queueDialog(file);
    ok(await app.dispatch('workspace.open', {}));
    ok(await app.dispatch('clients.create', { name: 'Beta Bank' })); // the session's first write backs up Acme Bank
    ok(await app.dispatch('workspace.close', {}));
    fs.truncateSync(file, 0);

    await page.goto(host.url);
    host.platform.queueDialog(file);
    await page.getByRole('button', { name: 'Open…' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not open emptied.offramp' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/empty \(0 bytes\)/);
    await page.screenshot({ path: path.join(SHOTS, 'start-damaged-file.png') });
    await alert.getByRole('button', { name: /Open the latest backup \(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/ }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.getByRole('rowheader', { name: 'Acme Bank' }).waitFor();
    ok(await app.dispatch('workspace.close', {}));
    await page.goto(host.url);
    await page.getByRole('button', { name: 'New workspace…' }).waitFor();
  });

  it('does nothing when the user cancels the file dialog', async () => {
    host.platform.queueDialog(null);
    await page.getByRole('button', { name: 'New workspace…' }).click();
    await page.getByRole('button', { name: 'New workspace…' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  });

  it('opens a new workspace from the sample with clients and workloads filled in', async () => {
    host.platform.queueDialog('sample.offramp');
    await page.getByRole('button', { name: 'New from sample…' }).click();
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.waitFor();
    await expect.poll(() => page.getByRole('table', { name: 'Clients' }).locator('tbody tr').count()).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(SHOTS, 'clients.png') });
    await main.getByRole('link', { name: 'Workloads' }).click();
    await expect.poll(() => page.getByRole('table', { name: /Workloads/ }).locator('tbody tr').count()).toBeGreaterThan(5);
    await page.screenshot({ path: path.join(SHOTS, 'workloads-sample.png') });
    await main.getByRole('link', { name: 'Contracts & commitments' }).click();
    await page.getByRole('heading', { name: 'Commitments', exact: true }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'contracts-sample.png') });
  });

  it('undoes the last change with Ctrl+Z and redoes it with Ctrl+Shift+Z', async () => {
    const main = page.getByRole('navigation', { name: 'Main' });
    await main.getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('button', { name: 'Add client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add client' });
    await dialog.getByLabel('Name').fill('Keyboard Co');
    await dialog.getByLabel('Name').press('Enter');
    await page.getByRole('rowheader', { name: 'Keyboard Co' }).waitFor();
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('rowheader', { name: 'Keyboard Co' }).count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await page.getByRole('rowheader', { name: 'Keyboard Co' }).waitFor();
  });
});
