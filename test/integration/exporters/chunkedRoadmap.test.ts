// A long roadmap printed chunk by chunk (the print view renders only each chunk's pages) reads exactly like the same
// roadmap printed in one go: every page in order, "Page n of N" right on each, the contents' page numbers unchanged.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openHeadless, type HeadlessSession } from '../../../electron/exporters/headlessRoadmap.ts';
import { launchChromium, onePrint, ONE_PRINT_FLAGS, printRouteToPdf } from '../../../electron/exporters/chromiumPdf.ts';
import { startRendererServer, type RendererServer } from '../../../electron/exporters/rendererServer.ts';
import { skipWithoutChromium } from '../../e2e/browser.ts';
import { pdfPageTexts } from '../../support/pdfPages.ts';
import { tempDir } from '../../support/tmp.ts';
import { closePrintSetup } from './printSession.ts';
import { generatedWorkspaceFile } from './workspaces.ts';

const TODAY = '2026-11-25';
const ROUTE = `/print/roadmap/A4/all/${TODAY}`;
const LONG = 600_000;

describe.skipIf(skipWithoutChromium())('a roadmap printed in chunks', () => {
  let dir: string;
  let session: HeadlessSession;
  let server: RendererServer;
  let browser: Browser;
  let whole: string[];

  beforeAll(async () => {
    dir = tempDir('offramp-chunks-');
    const db = await generatedWorkspaceFile(dir, { workloads: 60, clients: 6, today: TODAY });
    session = await openHeadless(db, { today: TODAY });
    server = await startRendererServer(session.app.dispatch);
    browser = await launchChromium();
    whole = pdfPageTexts(path.join(dir, 'whole.pdf'), await printRouteToPdf(server.url, ROUTE, { paper: 'A4', landscape: true, browser, chunkPages: 10_000 }));
  }, LONG);

  afterAll(() => closePrintSetup({ browser, server, session, dir }));

  it('has every page in order with its own "Page n of N", and the same contents page as a one-go print', { timeout: LONG }, async () => {
    const progress: [number, number][] = [];
    const pdf = await printRouteToPdf(server.url, ROUTE, { paper: 'A4', landscape: true, browser, chunkPages: 7, onProgress: (p, t) => progress.push([p, t]) });
    const pages = pdfPageTexts(path.join(dir, 'chunked.pdf'), pdf);
    expect(whole.length).toBeGreaterThan(20);
    expect(pages.length).toBe(whole.length);
    pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${whole.length}`));
    expect(pages).toEqual(whole);
    // The contents (on the cover) name the page each section starts on, and that page is the section's own.
    for (const section of ['Portfolio timeline', 'Commitments register']) {
      const start = Number(new RegExp(`\\d ${section} (\\d+)`).exec(pages[0])?.[1]);
      expect(start).toBeGreaterThan(1);
      expect(pages[start - 1]).toContain(section);
      expect(pages[start - 2]).not.toContain(section);
    }
    expect(progress.map(([p]) => p)).toEqual(Array.from({ length: Math.ceil(whole.length / 7) }, (_, i) => Math.min(whole.length, (i + 1) * 7)));
    expect(progress.every(([, t]) => t === whole.length)).toBe(true);
  });

  it('stops between chunks when cancelled, saying nothing was written', { timeout: LONG }, async () => {
    const stop = new AbortController();
    const printed: number[] = [];
    const printing = printRouteToPdf(server.url, ROUTE, {
      paper: 'A4', landscape: true, browser, chunkPages: 7, signal: stop.signal,
      onProgress: (p) => { printed.push(p); stop.abort(); },
    });
    await expect(printing).rejects.toThrow(/cancelled/);
    expect(printed).toEqual([7]);
  });

  it('prints the usual way, every page, when Chromium cannot run its one-process print', { timeout: LONG }, async () => {
    // --version makes Chromium print its version and quit: the one-process launch fails as an unsupported build would.
    onePrint.flags = ['--version'];
    try {
      const pages = pdfPageTexts(path.join(dir, 'fallback.pdf'), await printRouteToPdf(server.url, ROUTE, { paper: 'A4', landscape: true, chunkPages: 40 }));
      expect(pages).toEqual(whole);
    } finally {
      onePrint.flags = ONE_PRINT_FLAGS;
    }
  });
});
