// The roadmap PDF and the file exports, end to end through the same handlers the app and the CLI use.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { exportRoadmapHeadless, openHeadless } from '../../../electron/exporters/headlessRoadmap.ts';
import { launchChromium } from '../../../electron/exporters/chromiumPdf.ts';
import type { RoadmapData } from '../../../shared/ipc/exports.ts';
import { skipWithoutChromium } from '../../e2e/browser.ts';
import { tempDir } from '../../support/tmp.ts';
import { sampleWorkspaceFile } from './workspaces.ts';
import { formatDate } from '../../../shared/format.ts';
import { buildPortfolio } from '../../../shared/portfolio.ts';
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace.ts';
import { portfolioMilestones } from '../../../electron/exporters/milestonesIcs.ts';

const TODAY = '2026-11-25';

function pdfText(file: string): string {
  // pdftotext keeps the reading order; whitespace is normalised so names split across lines still match.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pdfPageSize(file: string): string {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return m ? `${Math.round(Number(m[1]))} x ${Math.round(Number(m[2]))}` : info;
}

describe('file exports of a workspace', () => {
  let dir: string;
  let db: string;
  let data: RoadmapData;

  beforeAll(async () => {
    dir = tempDir('offramp-exports-');
    db = await sampleWorkspaceFile(dir, TODAY);
    const session = await openHeadless(db, { today: TODAY });
    try {
      data = await session.call('roadmap.data', { today: TODAY });
    } finally {
      await session.close();
    }
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function exportWith<C extends 'export.ics' | 'export.planCsv' | 'export.workspaceJson'>(channel: C, file: string | null, payload: object = {}) {
    const session = await openHeadless(db, { today: TODAY });
    try {
      session.saveTo(file as string);
      return await session.call(channel, payload as never);
    } finally {
      await session.close();
    }
  }

  function readEvents(file: string) {
    const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
    return calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  }

  it('writes the milestones a manager needs to an iCalendar file that an independent parser reads back', async () => {
    const file = path.join(dir, 'milestones.ics');
    expect(await exportWith('export.ics', file)).toEqual({ path: file });
    const events = readEvents(file);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    const has = (date: string, words: string) => events.some((e) => e.startDate.toString() === date && e.startDate.isDate && e.summary.includes(words));
    expect(has(data.portfolio.trainingDeadline, 'Training deadline')).toBe(true);
    const workloads = data.portfolio.workloads;
    for (const { workload, plan } of workloads) {
      expect(has(plan.sunset.date, `Sunset: ${workload.name}`), `${workload.name} sunset`).toBe(true);
      if (plan.bridge) expect(has(plan.bridge.refreshBy, `Bridge refresh by (${plan.bridge.level}): ${workload.name}`), `${workload.name} bridge`).toBe(true);
    }
    const dated = data.commitments.filter((c) => c.dueDate !== null);
    expect(dated.length).toBeGreaterThan(0);
    for (const c of dated) {
      expect(has(c.dueDate!, `Commitment due: ${c.kind} commitment to ${c.customer}`), `commitment #${c.id} due`).toBe(true);
      if (c.noticeDays > 0) expect(events.some((e) => e.uid === `offramp-c${c.id}-notice@offramp` && e.summary.startsWith('Notice by:'))).toBe(true);
    }
    expect(events.some((e) => e.summary.startsWith('Step '))).toBe(false);
  });

  it('puts each bridge\'s refresh-by date in the calendar', () => {
    // Seven months on, every plan of the sample runs past the training deadline: each gets a bridge.
    const snapshot = sampleWorkspace(TODAY);
    const late = buildPortfolio(snapshot, '2027-06-21', new Map());
    const bridged = late.workloads.filter((w) => w.plan.bridge !== null);
    expect(bridged.length).toBeGreaterThan(0);
    const milestones = portfolioMilestones(late, snapshot.clients, { commitments: snapshot.commitments });
    for (const { workload, plan } of bridged) {
      expect(milestones).toContainEqual(expect.objectContaining({ uid: `offramp-w${workload.id}-bridge@offramp`, date: plan.bridge!.refreshBy, title: expect.stringContaining(`Bridge refresh by (${plan.bridge!.level})`) }));
    }
  });

  it('adds every step end only when asked, so a calendar is not flooded by default', async () => {
    const without = path.join(dir, 'no-steps.ics');
    const withSteps = path.join(dir, 'steps.ics');
    await exportWith('export.ics', without);
    await exportWith('export.ics', withSteps, { steps: true });
    const workloads = data.portfolio.workloads;
    expect(readEvents(withSteps).length - readEvents(without).length).toBe(workloads.length * 6);
    const events = readEvents(withSteps);
    for (const { workload, plan } of workloads) {
      for (const step of plan.steps) {
        expect(events.some((e) => e.startDate.toString() === step.end && e.summary.includes(`Step ${step.step} ends`) && e.summary.includes(workload.name)), `${workload.name} step ${step.step}`).toBe(true);
      }
    }
  });

  it('keeps the same event UIDs when the calendar is exported again, so calendars update instead of duplicating', async () => {
    const a = path.join(dir, 'a.ics');
    const b = path.join(dir, 'b.ics');
    await exportWith('export.ics', a);
    await exportWith('export.ics', b);
    const uids = (f: string) => fs.readFileSync(f, 'utf8').split(/\r\n/).filter((l) => l.startsWith('UID:'));
    expect(uids(b)).toEqual(uids(a));
  });

  it('writes the plan as CSV with one row per step of every workload', async () => {
    const file = path.join(dir, 'plan.csv');
    await exportWith('export.planCsv', file);
    const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
    expect(parsed.data).toHaveLength(data.portfolio.workloads.length * 6);
    const first = data.portfolio.workloads[0];
    expect(parsed.data.find((r) => r.workload === first.workload.name && r.step === '6')?.end).toBe(first.plan.end);
  });

  it('writes the whole workspace as JSON', async () => {
    const file = path.join(dir, 'workspace.json');
    await exportWith('export.workspaceJson', file);
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(json.format).toBe('offramp-workspace');
    expect(json.workloads).toHaveLength(data.portfolio.workloads.length);
  });

  it('answers null and writes nothing when the user cancels the save dialog', async () => {
    expect(await exportWith('export.planCsv', null)).toBeNull();
  });

  describe.skipIf(skipWithoutChromium())('roadmap PDF', () => {
    let browser: Browser;
    beforeAll(async () => { browser = await launchChromium(); });
    afterAll(async () => { await browser?.close(); });

    it('names the clients, every workload, every sunset date and the deadline, on A4 landscape', async () => {
      const out = path.join(dir, 'roadmap-a4.pdf');
      const result = await exportRoadmapHeadless({ db, out, paper: 'A4', today: TODAY, browser });
      expect(result.pages).toBeGreaterThan(5);
      expect(pdfPageSize(out)).toBe('842 x 595');
      const text = pdfText(out);
      for (const c of data.clients) expect(text).toContain(c.name);
      for (const { workload, plan } of data.portfolio.workloads) {
        expect(text, workload.name).toContain(workload.name);
        expect(text).toContain(formatDate(plan.sunset.date));
      }
      // One date style in print: "2 Aug 2027", never the ISO form.
      expect(text).toContain(`Training deadline ${formatDate(data.portfolio.trainingDeadline)}`);
      expect(text).not.toContain(data.portfolio.trainingDeadline);
      expect(text).toContain(`Page ${result.pages} of ${result.pages}`);
      expect(text).toContain(`${data.portfolio.daysToDeadline} days left`);
    });

    it('prints US Letter landscape for one client, found by name', async () => {
      const client = data.clients[1];
      const out = path.join(dir, 'roadmap-letter.pdf');
      await exportRoadmapHeadless({ db, out, paper: 'Letter', client: client.name.toUpperCase(), today: TODAY, browser });
      expect(pdfPageSize(out)).toBe('792 x 612');
      const text = pdfText(out);
      expect(text).toContain(client.name);
      const own = data.portfolio.workloads.filter((w) => w.workload.clientId === client.id);
      for (const w of own) expect(text).toContain(w.workload.name);
      const other = data.portfolio.workloads.find((w) => w.workload.clientId !== client.id)!;
      expect(text).not.toContain(other.workload.name);
    });

    it('names the clients it knows when --client matches none', async () => {
      await expect(exportRoadmapHeadless({ db, out: path.join(dir, 'x.pdf'), client: 'Nobody Ltd', today: TODAY, browser }))
        .rejects.toThrow(/No client named "Nobody Ltd". Clients: .*\(\d+\)/);
    });
  });
});
