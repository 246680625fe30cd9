// A roadmap printed in chunks never sends the whole roadmap to the page: the page gets an outline once, and each chunk
// asks for the detail of the workloads its own pages show, so the page's memory follows the chunk, not the portfolio.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openHeadless, type HeadlessSession } from '../../../electron/exporters/headlessRoadmap.ts';
import { launchChromium, printRouteToPdf } from '../../../electron/exporters/chromiumPdf.ts';
import { startRendererServer, type RendererServer } from '../../../electron/exporters/rendererServer.ts';
import { skipWithoutChromium } from '../../e2e/browser.ts';
import { pdfPageTexts } from '../../support/pdfPages.ts';
import { tempDir } from '../../support/tmp.ts';
import { closePrintSetup } from './printSession.ts';
import { generatedWorkspaceFile } from './workspaces.ts';

const TODAY = '2026-11-25';
const ROUTE = `/print/roadmap/A4/all/${TODAY}`;
const CHUNK = 7;
const LONG = 600_000;

/** A request the print view made: its channel, the workloads it asked for, and the chunk being printed (0 while planning). */
interface Asked { channel: string; workloadIds: number[]; chunk: number }

describe.skipIf(skipWithoutChromium())('the data a roadmap printed in chunks asks for', () => {
  let dir: string;
  let session: HeadlessSession;
  let server: RendererServer;
  let browser: Browser;
  const asked: Asked[] = [];
  let names: Map<number, string>;
  let pages: string[];

  beforeAll(async () => {
    dir = tempDir('offramp-chunk-data-');
    const db = await generatedWorkspaceFile(dir, { workloads: 240, clients: 16, today: TODAY });
    session = await openHeadless(db, { today: TODAY });
    const data = await session.call('roadmap.data', { today: TODAY });
    names = new Map(data.portfolio.workloads.map((w) => [w.workload.id, w.workload.name]));
    let chunk = 0;
    server = await startRendererServer((channel, payload) => {
      asked.push({ channel, workloadIds: (payload as { workloadIds?: number[] }).workloadIds ?? [], chunk });
      return session.app.dispatch(channel, payload);
    });
    browser = await launchChromium();
    const pdf = await printRouteToPdf(server.url, ROUTE, {
      paper: 'A4', landscape: true, browser, chunkPages: CHUNK,
      // Requests after the page plan exists belong to the chunk being printed; the first chunk is number 1.
      onPlanned: () => { chunk = 1; },
      onProgress: () => { chunk += 1; },
    });
    pages = pdfPageTexts(path.join(dir, 'chunked.pdf'), pdf);
  }, LONG);

  afterAll(() => closePrintSetup({ browser, server, session, dir }));

  it('gets the outline once and never the whole roadmap', () => {
    expect(asked.filter((a) => a.channel === 'roadmap.outline')).toHaveLength(1);
    expect(asked.filter((a) => a.channel === 'roadmap.data')).toEqual([]);
  });

  it('asks each chunk only for workloads drawn on that chunk\'s own pages, and every workload in some chunk', () => {
    const chunks = Math.ceil(pages.length / CHUNK);
    expect(chunks).toBeGreaterThan(3);
    const printed = new Set<number>();
    for (let k = 1; k <= chunks; k++) {
      // A workload's section may begin on the page before the chunk and continue into it (its plan table, say).
      const text = pages.slice(Math.max(0, (k - 1) * CHUNK - 1), k * CHUNK).join(' ');
      const ids = asked.filter((a) => a.channel === 'roadmap.detail' && a.chunk === k).flatMap((a) => a.workloadIds);
      expect(ids.length, `chunk ${k} asks for a few workloads, not all`).toBeLessThan(names.size);
      for (const id of ids) {
        // "Answer drafts #1" must not pass for "Answer drafts #12".
        const name = names.get(id)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        expect(text, `chunk ${k} asked for ${names.get(id)}`).toMatch(new RegExp(`${name}(?!\\d)`));
        printed.add(id);
      }
    }
    expect([...printed].sort((a, b) => a - b)).toEqual([...names.keys()].sort((a, b) => a - b));
  });

  it('asks for detail while planning the pages a group of workloads at a time, never all at once', () => {
    const planning = asked.filter((a) => a.channel === 'roadmap.detail' && a.chunk === 0);
    expect(planning.flatMap((a) => a.workloadIds).sort((a, b) => a - b)).toEqual([...names.keys()].sort((a, b) => a - b));
    expect(planning.length).toBeGreaterThan(1);
    for (const a of planning) expect(a.workloadIds.length).toBeLessThan(names.size);
  });
});
