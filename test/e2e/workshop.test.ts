// Workshop mode in Chromium: a facilitator builds a workshop from the template, runs it with the keyboard while a fake
// clock drives the timers, classifies two workloads and sees the plan move, votes and applies the priority, records a
// decision and an action, watches the audience page follow, closes and reopens the workspace and resumes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TestHost } from '../host/server.ts';
import { startTestHost } from '../host/server.ts';
import { printRouteToPdf } from '../../electron/exporters/chromiumPdf.ts';
import { launchBrowser, offlinePage, skipWithoutChromium } from './browser.ts';
import { closeSession, ok, seedWorkspace, shot } from './session.ts';

const CLIENT = 'Northwind Health';
const TITLE = `${CLIENT}: migration triage`;
const FILE = 'workshop.offramp';
/** The room's clock when the page opens: the workshop day at 09:30 local time. */
const START = new Date('2026-11-25T09:30:00');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Three workloads with different slack, so the template orders them and the answers move their plans. */
const WORKLOADS = [
  { name: 'Claims letter drafting', regulated: true, monthlyVolume: 80_000, latencyTargetMs: 900 },
  { name: 'Triage note tagging', monthlyVolume: 300_000 },
  { name: 'Member FAQ assistant', monthlyVolume: 40_000 },
];

/**
 * Runs axe-core on the page; returns the serious and critical violations (id: targets). axe waits on timers, so a
 * paused fake clock runs while it checks and is paused again a second later (paused item timers do not move).
 */
async function axeViolations(page: Page, pausedClock = false): Promise<string[]> {
  if (pausedClock) await page.clock.resume();
  // Evaluated through the debugging protocol: the app's CSP (rightly) refuses an injected <script>.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  if (pausedClock) await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Waits (on the page's own default timeout) until the locator's text, value or focus is as expected. */
const WAIT = { timeout: 15_000, interval: 50 };
const textOf = (l: Locator) => expect.poll(() => l.textContent(), WAIT);
const valueOf = (l: Locator) => expect.poll(() => l.inputValue(), WAIT);
const focused = (l: Locator) => expect.poll(() => l.evaluate((el) => el === document.activeElement), WAIT).toBe(true);
/** Dismisses every message (shot() dismisses by position, which skips one when two are shown). */
async function dismissAll(page: Page): Promise<void> {
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  while (await dismiss.count() > 0) await dismiss.first().click();
}

/** The dots box of one option in the vote dialog. */
const dots = (dialog: Locator, option: string) => dialog.getByRole('textbox', { name: option, exact: true });
const visible = (l: Locator) => l.first().waitFor();
const hidden = (l: Locator) => l.waitFor({ state: 'hidden' });

describe.skipIf(skipWithoutChromium())('workshop mode in Chromium', () => {
  let host: TestHost;
  let browser: Browser;
  let page: Page;
  let external: string[];
  let workshopUrl = '';

  beforeAll(async () => {
    // The minutes print through the same route as the roadmap: this host prints its own pages with this Chromium.
    browser = await launchBrowser();
    host = await startTestHost({ today: '2026-11-25', printToPdf: (route, o) => printRouteToPdf(host.url, route, { ...o, browser }) });
    ({ page, external } = await offlinePage(browser, host.url));
    page.setDefaultTimeout(15_000);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.clock.install({ time: START });
    await seedWorkspace(host, FILE, { workloads: WORKLOADS, commitments: [{ kind: 'accuracy', threshold: 0.95 }] });
    // One migration at a time: the order the room votes for decides who waits, so applying the vote moves the plan.
    const policy = ok<Record<string, unknown>>(await host.app.dispatch('policy.get', {}));
    ok(await host.app.dispatch('policy.update', { ...policy, capacity: 1 }));
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  afterAll(() => closeSession(browser, host));

  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  const stageTitle = (p: Page = page) => p.getByRole('heading', { level: 1 });
  const timer = (p: Page = page) => p.getByRole('timer', { name: 'Item timer' });
  /** Lets the fake clock run, so the screen's ticking and polling happen. */
  const tick = (ms = 1000) => page.clock.runFor(ms);

  it('builds a 90-minute workshop from the template, with participants, and reorders its agenda by keyboard', async () => {
    await nav('Workshops').click();
    await page.getByRole('heading', { name: 'No workshops yet' }).waitFor();
    await page.getByRole('button', { name: 'New from template…' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workshop from the triage template' });
    await valueOf(dialog.getByLabel('Client')).toMatch(/\d+/);
    await dialog.getByRole('button', { name: 'Create from template' }).click();

    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    workshopUrl = page.url();
    const items = page.getByRole('list', { name: 'Agenda items' }).getByRole('listitem');
    // Intro, three classify items, the vote, the plan review, decisions: 90 minutes in all.
    await expect.poll(() => items.count(), WAIT).toBe(7);
    await visible(page.getByText('90 of 90 minutes planned'));

    await page.getByRole('button', { name: 'Edit details' }).click();
    const details = page.getByRole('dialog', { name: `Edit ${TITLE}` });
    for (const [i, p] of [['Ana Ruiz', 'CTO', CLIENT], ['Ben Okafor', 'Data lead', CLIENT]].entries()) {
      await details.getByRole('button', { name: 'Add participant' }).click();
      await details.getByLabel(`Participant ${i + 1} name`).fill(p[0]);
      await details.getByLabel(`Participant ${i + 1} role`).fill(p[1]);
      await details.getByLabel(`Participant ${i + 1} organisation`).fill(p[2]);
    }
    await details.getByRole('button', { name: 'Save workshop' }).click();
    await hidden(details);
    await visible(page.getByRole('complementary', { name: 'Workshop facts' }).getByText('Ana Ruiz'));

    await dismissAll(page);
    await shot(page, 'workshop-agenda');

    // Alt+↑ inside the third item moves it above the second; the move buttons bring it back.
    const third = items.nth(2);
    const thirdTitle = await third.getByLabel('Title of item 3').inputValue();
    await third.getByLabel('Title of item 3').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await valueOf(items.nth(1).getByLabel('Title of item 2')).toMatch(thirdTitle);
    await focused(items.nth(1).getByLabel('Title of item 2'));
    await visible(page.getByText('Unsaved changes'));
    await items.nth(1).getByRole('button', { name: `Move ${thirdTitle} down` }).click();
    await valueOf(items.nth(2).getByLabel('Title of item 3')).toMatch(thirdTitle);
    await hidden(page.getByText('Unsaved changes'));

    // Dragged by its handle onto the second item, the third takes its place (the mouse's way to reorder).
    await items.nth(2).locator('.agenda-row__handle').dragTo(items.nth(1));
    await valueOf(items.nth(1).getByLabel('Title of item 2')).toBe(thirdTitle);
    await page.getByRole('button', { name: 'Discard' }).click();
    await valueOf(items.nth(2).getByLabel('Title of item 3')).toBe(thirdTitle);

    // Too long for the workshop: the message stands above the list and nothing is saved.
    await items.nth(0).getByLabel('Minutes of item 1').fill('50');
    await visible(page.getByText('135 of 90 minutes planned — 45 over'));
    await page.getByRole('button', { name: 'Save agenda' }).click();
    await visible(page.getByRole('alert').filter({ hasText: 'longer than the workshop' }));
    await page.getByRole('button', { name: 'Discard' }).click();
    await visible(page.getByText('90 of 90 minutes planned'));

    expect(await axeViolations(page)).toEqual([]);
    await nav('Workshops').click();
    const row = page.getByRole('table', { name: 'Workshops' }).getByRole('row', { name: new RegExp(TITLE) });
    await visible(row.getByRole('cell', { name: '90 / 90 min' }));
    expect(await axeViolations(page)).toEqual([]);
  });

  it('runs the workshop from the keyboard while the timer counts down and overruns', async () => {
    await page.goto(workshopUrl);
    await page.getByRole('link', { name: 'Present' }).click();
    await page.getByRole('button', { name: /Start the workshop/ }).waitFor();
    await page.clock.pauseAt(START.getTime() + 60_000);

    await page.keyboard.press('ArrowRight');
    await textOf(stageTitle()).toMatch(/Why we are here/);
    await textOf(timer()).toContain('5:00');
    await textOf(timer()).toContain('running');
    await tick(60_000);
    await textOf(timer()).toContain('4:00');
    await page.clock.fastForward('05:00');
    await tick();
    await textOf(timer()).toContain('-1:01');
    await textOf(timer()).toContain('over time');
    await visible(page.getByText('1 minute behind'));

    // Space pauses: the clock runs on, the timer does not.
    await page.keyboard.press('Space');
    await textOf(timer()).toContain('paused');
    await tick(30_000);
    await textOf(timer()).toContain('-1:01');

    await page.keyboard.press('?');
    const keys = page.getByRole('dialog', { name: 'Keys' });
    for (const key of ['Space', 'Esc', '1 – 5', 'N', 'D', 'A', 'V']) await visible(keys.getByRole('rowheader', { name: key, exact: true }));
    expect(await axeViolations(page, true)).toEqual([]);
    await page.keyboard.press('?');
    await hidden(keys);
  });

  it('classifies two workloads with 1–5, ↑/↓ and Enter, and the plan dates move', async () => {
    await page.keyboard.press('ArrowRight');
    await textOf(stageTitle()).toMatch(/^Classify /);
    const first = (await stageTitle().textContent())!.replace('Classify ', '');
    await textOf(timer()).toContain('15:00');
    const cutOver = page.getByRole('term').filter({ hasText: 'Cut over by' }).locator('xpath=following-sibling::dd');
    const before = await cutOver.textContent();

    // Knowledge is central and changes daily, the format is fixed: two jobs to migrate, so longer steps.
    await page.keyboard.press('3');
    await visible(page.getByRole('button', { name: /Yes, it is central/, pressed: true }));
    for (const key of ['ArrowDown', '1', 'ArrowDown', '3']) await page.keyboard.press(key);
    await visible(page.getByText('Preview').first());
    // The draft answers move the date (struck through: where the saved answers put it).
    await visible(cutOver.locator('s'));
    const previewed = await cutOver.locator('strong').textContent();
    await shot(page, 'workshop-presenter-classify');
    expect(await axeViolations(page, true)).toEqual([]);
    await page.keyboard.press('Enter');
    await visible(page.getByText(`Accepted for ${first}`));
    // Saved, the whole portfolio is replanned (with the team's capacity): the workload's dates moved from where they were.
    expect(previewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await hidden(cutOver.locator('s'));
    await textOf(cutOver).not.toBe(before!);

    await page.keyboard.press('ArrowRight');
    await textOf(stageTitle()).not.toBe(`Classify ${first}`);
    const second = (await stageTitle().textContent())!.replace('Classify ', '');
    expect(second).toMatch(/\S/);
    const before2 = await cutOver.textContent();
    for (const key of ['2', 'ArrowDown', 'ArrowDown', '2']) await page.keyboard.press(key);
    await visible(cutOver.locator('s'));
    await page.keyboard.press('Enter');
    await visible(page.getByText(`Accepted for ${second}`));
    await hidden(cutOver.locator('s'));
    await textOf(cutOver).not.toBe(before2!);

    // The room disagrees with one component: the override is recorded here, with its reason.
    await page.getByRole('button', { name: 'Override format…' }).click();
    const override = page.getByRole('dialog', { name: 'Override format' });
    await override.getByLabel('Reason').fill('The client already runs a validated JSON schema service');
    await override.getByRole('button', { name: 'Save override' }).click();
    await hidden(override);
    await visible(page.getByText('“The client already runs a validated JSON schema service”', { exact: false }));
  });

  it('votes with dots, refuses more dots than allowed beside the field, and applies the tally as the priority order', async () => {
    // V goes to the vote item and opens the dots of the first participant who has not voted.
    await page.keyboard.press('v');
    await textOf(stageTitle()).toMatch(/dot vote/);
    let dialog = page.getByRole('dialog', { name: 'Enter dots' });
    await valueOf(dialog.getByLabel('Participant')).toBe('Ana Ruiz');
    await dots(dialog, WORKLOADS[2].name).fill('2');
    await dots(dialog, WORKLOADS[1].name).fill('1');
    await dots(dialog, WORKLOADS[1].name).press('Enter');
    await hidden(dialog);

    await page.keyboard.press('v');
    dialog = page.getByRole('dialog', { name: 'Enter dots' });
    await valueOf(dialog.getByLabel('Participant')).toBe('Ben Okafor');
    await dots(dialog, WORKLOADS[2].name).fill('4');
    await dots(dialog, WORKLOADS[2].name).press('Enter');
    await visible(dialog.getByText('Ben Okafor gave 4 dots; each participant has 3'));
    await dots(dialog, WORKLOADS[2].name).fill('3');
    await dots(dialog, WORKLOADS[2].name).press('Enter');
    await hidden(dialog);

    const tally = page.getByRole('list', { name: 'Vote tally' }).getByRole('listitem');
    await textOf(tally.first()).toContain(`${WORKLOADS[2].name}5 dots`);
    await textOf(tally.nth(1)).toContain(`${WORKLOADS[1].name}1 dots`);
    await page.getByRole('button', { name: 'Apply as priority order' }).press('Enter');
    const applied = page.getByRole('status').filter({ hasText: `Priority order: ${WORKLOADS[2].name}, ${WORKLOADS[1].name}` });
    await visible(applied);
    await textOf(applied).toContain('The plan moved');
    await shot(page, 'workshop-presenter-vote');
    expect(await axeViolations(page, true)).toEqual([]);
  });

  it('records a decision and an action from the keyboard, with the due date checked beside its field', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await textOf(stageTitle()).toBe('Decisions and actions');

    await page.keyboard.press('d');
    const decision = page.getByRole('dialog', { name: 'Record a decision' });
    await focused(decision.getByLabel('Decision', { exact: true }));
    await page.keyboard.type(`Move ${WORKLOADS[2].name} first, on retrieval`);
    await page.keyboard.press('Enter');
    await hidden(decision);

    await page.keyboard.press('a');
    const action = page.getByRole('dialog', { name: 'Add an action' });
    await focused(action.getByLabel('Action', { exact: true }));
    await page.keyboard.type('Book the retrieval pilot');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ana Ruiz');
    await action.getByLabel('Due date').fill('2026-11-01');
    await action.getByLabel('Due date').press('Enter');
    await visible(action.locator('.field__error').filter({ hasText: /due/i }));
    await focused(action.getByLabel('Due date'));
    await action.getByLabel('Due date').fill('2026-12-09');
    await action.getByLabel('Due date').press('Enter');
    await hidden(action);

    const list = page.getByRole('main');
    await visible(list.getByText(`Move ${WORKLOADS[2].name} first, on retrieval`));
    await visible(list.getByText('Ana Ruiz, due 2026-12-09'));

    await page.keyboard.press('n');
    const note = page.getByRole('dialog', { name: 'Add a note' });
    await page.keyboard.type('Legal wants the retrieval sources listed');
    await page.keyboard.press('Enter');
    await hidden(note);
    await visible(page.getByRole('complementary', { name: 'Captured on this item' }).getByText('Legal wants the retrieval sources listed'));
  });

  it('shows the audience page the current item without notes or controls, following the presenter', async () => {
    const id = workshopUrl.split('/').pop();
    // In the browser the presenter's "Audience window" opens a second page (Electron opens a window on the second display).
    const [audience] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: 'Audience window' }).click()]);
    await audience.setViewportSize({ width: 1440, height: 900 });
    audience.setDefaultTimeout(15_000);
    await audience.waitForURL(`**/#/audience/${id}`);
    await textOf(stageTitle(audience)).toBe('Decisions and actions');
    expect(await audience.getByRole('button', { name: /timer|Next|Previous|Note|Decision|Action/ }).count()).toBe(0);
    expect(await audience.getByText('Next', { exact: true }).count()).toBe(0);
    await visible(audience.getByText(`Move ${WORKLOADS[2].name} first, on retrieval`));
    expect(await audience.getByText('Legal wants the retrieval sources listed').count()).toBe(0);

    // The presenter goes back to the vote; within a second the audience shows it too.
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await textOf(stageTitle()).toMatch(/dot vote/);
    await tick(1000);
    await textOf(stageTitle(audience)).toMatch(/dot vote/);
    await visible(audience.getByRole('list', { name: 'Vote tally' }));
    expect(await audience.getByRole('button', { name: /Enter dots|Apply/ }).count()).toBe(0);
    await shot(audience, 'workshop-audience');
    expect(await axeViolations(audience, true)).toEqual([]);

    // Answers given on a classify item reach the audience before anyone accepts them.
    await page.keyboard.press('ArrowLeft');
    await textOf(stageTitle()).toMatch(/^Classify /);
    await tick(1000);
    await textOf(stageTitle(audience)).toBe((await stageTitle().textContent())!);
    await page.keyboard.press('1');
    await visible(page.getByRole('button', { name: '1 No', pressed: true }));
    await visible(audience.getByRole('button', { name: 'No', exact: true, pressed: true }));
    await page.keyboard.press('ArrowRight');
    await textOf(stageTitle()).toMatch(/dot vote/);
    await audience.close();
  });

  it('resumes where it was, timer included, after the workspace is closed and reopened', async () => {
    await page.keyboard.press('Space');
    await textOf(timer()).toContain('paused');
    const before = await timer().textContent();
    const item = await stageTitle().textContent();

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await visible(page.getByText('Running'));
    await page.getByRole('button', { name: 'Close workspace' }).click();
    host.platform.queueDialog(path.join(host.dir, FILE));
    await page.getByRole('button', { name: 'Open…' }).click();
    await nav('Workshops').click();
    await page.getByRole('table', { name: 'Workshops' }).getByRole('link', { name: `Resume ${TITLE}` }).click();

    await textOf(stageTitle()).toBe(item!);
    await textOf(timer()).toBe(before!);
    await tick(60_000);
    await textOf(timer()).toBe(before!);
    await page.keyboard.press('Space');
    await textOf(timer()).toContain('running');
    await tick(60_000);
    await textOf(timer()).not.toBe(before!);

    // On a touch screen a swipe to the left is →.
    const stage = page.getByRole('main');
    await stage.dispatchEvent('pointerdown', { pointerType: 'touch', clientX: 900, clientY: 400 });
    await stage.dispatchEvent('pointerup', { pointerType: 'touch', clientX: 600, clientY: 410 });
    await textOf(stageTitle()).not.toBe(item!);
  });

  it('exports the minutes as a PDF and as Markdown with the participants, decisions and actions', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    // The agenda now carries what happened: the intro started a minute late and overran.
    await visible(page.getByText(/^Started 09:31 · ran 6 of 5 min · ended \d\d:\d\d$/));
    const minutes = page.getByRole('group', { name: 'Minutes' });

    host.platform.queueDialog('minutes.pdf');
    await minutes.getByRole('button', { name: 'Minutes PDF…' }).click();
    await visible(minutes.getByText(/Saved the minutes \(PDF\)/));
    const pdf = execFileSync('pdftotext', ['-layout', path.join(host.dir, 'minutes.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const text of ['Ana Ruiz', 'Ben Okafor', `Move ${WORKLOADS[2].name} first, on retrieval`, 'Book the retrieval pilot', '2026-12-09']) expect(pdf).toContain(text);

    host.platform.queueDialog('minutes.md');
    await minutes.getByRole('button', { name: 'Minutes Markdown…' }).click();
    await visible(minutes.getByText(/Saved the minutes \(Markdown\)/));
    const md = fs.readFileSync(path.join(host.dir, 'minutes.md'), 'utf8');
    for (const text of ['Ana Ruiz', `Move ${WORKLOADS[2].name} first, on retrieval`, 'Book the retrieval pilot']) expect(md).toContain(text);
  });

  it('creates a blank workshop only once its fields are right, saying what to fix beside each one', async () => {
    // Out of the room: the clock runs on its own again (forms move focus on the next animation frame).
    await page.clock.resume();
    await nav('Workshops').click();
    await page.getByRole('button', { name: 'New workshop' }).click();
    const dialog = page.getByRole('dialog', { name: 'New workshop' });
    await dialog.getByLabel('Start time').fill('9.30');
    await dialog.getByLabel('Planned length').fill('600');
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await visible(dialog.getByText('Write the title'));
    await visible(dialog.getByText('Use a time like 09:30 (HH:mm)'));
    await visible(dialog.getByText('A workshop fits in one day: at most 480 minutes'));
    await focused(dialog.getByLabel('Title'));
    await dialog.getByLabel('Title').fill('Governance follow-up');
    await dialog.getByLabel('Start time').fill('14:00');
    await dialog.getByLabel('Planned length').fill('60');
    await dialog.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('heading', { name: 'Governance follow-up', level: 1 }).waitFor();
    await visible(page.getByText('0 of 60 minutes planned'));
  });

  it('duplicates a workshop, and deletes one with its captured decisions only after confirming, undoably', async () => {
    await nav('Workshops').click();
    const table = page.getByRole('table', { name: 'Workshops' });
    await table.getByRole('button', { name: `Duplicate ${TITLE}` }).click();
    await visible(table.getByRole('link', { name: `${TITLE} (copy)` }));
    await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(4);
    await dismissAll(page);
    await shot(page, 'workshop-list');

    await table.getByRole('button', { name: `Delete ${TITLE}`, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Delete ${TITLE}?` });
    await visible(confirm.getByText('1 decision and 1 action'));
    await focused(confirm.getByRole('button', { name: 'Cancel' }));
    await confirm.getByRole('button', { name: 'Delete workshop' }).click();
    await hidden(confirm);
    await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(3);
    // The message offers Undo right where the user looks.
    await page.getByRole('status').filter({ hasText: `Deleted workshop ${TITLE}.` }).getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => table.getByRole('row').count(), WAIT).toBe(4);
    await visible(table.getByRole('link', { name: TITLE, exact: true }));
  });

  it('made no request outside the test host', () => {
    expect(external).toEqual([]);
  });
});
