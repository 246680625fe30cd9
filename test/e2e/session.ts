// What every end-to-end suite sets up the same way: a test host with a Chromium page on it, a workspace, screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestHost } from '../host/server.ts';
import type { TestHost } from '../host/server.ts';
import { launchBrowser, offlinePage } from './browser.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where screenshots go: test-results/screenshots on every run, so a test run never rewrites the tracked pictures;
 * docs/screenshots only when OFFRAMP_UPDATE_SHOTS=1 asks for it (refresh them deliberately, then look and commit).
 */
export const SHOTS = process.env.OFFRAMP_UPDATE_SHOTS === '1'
  ? path.join(ROOT, 'docs/screenshots')
  : path.join(ROOT, 'test-results/screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

/** Where a screenshot named `name` goes (see SHOTS). */
export const shotPath = (name: string): string => path.join(SHOTS, `${name}.png`);

/** A screenshot for the docs; info toasts are dismissed first so they do not cover what it is for. */
export async function shot(page: Page, name: string): Promise<void> {
  for (const button of await page.getByRole('button', { name: 'Dismiss message' }).all()) await button.click();
  await page.screenshot({ path: shotPath(name) });
}

/** The value of a handler's Result, or the test fails with its error. */
export const ok = <T>(r: { ok: boolean; value?: unknown; error?: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
};

export interface Session {
  host: TestHost;
  browser: Browser;
  page: Page;
  /** Requests that tried to leave the test host: the app must work offline, so suites expect none. */
  external: string[];
}

/** Starts a test host and launches Chromium with an offline page on it; `timeout` is the page's default wait, in ms. */
export async function openSession(o: { today?: string; timeout: number }): Promise<Session> {
  const host = await startTestHost({ today: o.today ?? '2026-11-25' });
  const browser = await launchBrowser();
  const { page, external } = await offlinePage(browser, host.url);
  page.setDefaultTimeout(o.timeout);
  return { host, browser, page, external };
}

/** For afterAll: closes what openSession opened, even when beforeAll stopped half-way. */
export async function closeSession(browser: Browser | undefined, host: TestHost | undefined): Promise<void> {
  await browser?.close();
  await host?.close();
}

/**
 * Opens a new workspace `file` in the host's folder, through the handlers, holding one client (Northwind Health), its
 * `workloads`, and `commitments` to Acme Insurance due 2027-03-01 that cover the first workload.
 */
export async function seedWorkspace(host: TestHost, file: string, o: {
  workloads: Record<string, unknown>[]; commitments?: Record<string, unknown>[];
}): Promise<{ clientId: number; workloadIds: number[] }> {
  const { app } = host;
  host.platform.queueDialog(path.join(host.dir, file));
  ok(await app.dispatch('workspace.create', {}));
  const client = ok<{ id: number }>(await app.dispatch('clients.create', { name: 'Northwind Health' }));
  const workloadIds: number[] = [];
  for (const w of o.workloads) workloadIds.push(ok<{ id: number }>(await app.dispatch('workloads.create', { clientId: client.id, ...w })).id);
  for (const c of o.commitments ?? []) {
    ok(await app.dispatch('commitments.create', { clientId: client.id, customer: 'Acme Insurance', dueDate: '2027-03-01', workloadIds: workloadIds.slice(0, 1), ...c }));
  }
  return { clientId: client.id, workloadIds };
}

/** Opens a route of the app (hash routing) and waits for its level-1 heading. */
export async function openRoute(session: Pick<Session, 'host' | 'page'>, route: string, heading: string): Promise<void> {
  await session.page.goto(`${session.host.url}#${route}`);
  await session.page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

/** From the start screen: `button` asks for a file, the dialog answers `file`, and the app opens with its main navigation. */
export async function startWith(session: Pick<Session, 'host' | 'page'>, button: 'Open…' | 'New from sample…' | 'New workspace…', file: string): Promise<void> {
  await session.page.goto(session.host.url);
  session.host.platform.queueDialog(file);
  await session.page.getByRole('button', { name: button }).click();
  await session.page.getByRole('navigation', { name: 'Main' }).waitFor();
}
