// Prints a loaded print view in chunks of pages and joins them, for any printer: headless Chromium (chromiumPdf.ts)
// and Electron's printToPDF (main.ts) drive the same loop, so the app and the CLI print alike. A view that offers
// window.__offrampPrintRange (the roadmap) renders only the chunk asked for, so the page, Chromium's print layout and
// the chunk's PDF stay bounded by the chunk; other views print their pages with pageRanges. Each chunk is copied into
// a temporary file as soon as it arrives, so the main process holds one chunk at a time while Chromium runs; the files
// are joined once the page is closed and Chromium's memory given back. Imports neither playwright-core nor electron:
// both bundles use it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OfframpError } from '../../shared/errors.ts';

/**
 * The query a printer adds to the page's URL (before the hash route) to ask views that can render a page range alone
 * to render none until a chunk is asked for: index.html?print=chunks#/print/roadmap/…
 */
export const PRINT_IN_CHUNKS = 'print=chunks';

/** A page that has loaded a print route: what the chunking loop needs of it. */
export interface PrintTarget {
  /** Evaluates a JavaScript expression in the page (a promise is awaited) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** Prints what the page shows now; `pageRanges` (e.g. "8-14") prints only those of its pages. */
  print(pageRanges?: string): Promise<Uint8Array>;
  /** Closes the page once every chunk is printed, so Chromium's memory is given back before the chunks are joined. */
  release?(): Promise<void>;
}

export interface ChunkOptions {
  /**
   * Pages per printed chunk, exactly. Without it a chunk holds DEFAULT_CHUNK_PAGES pages, a page the view marks heavy
   * (data-heavy-pages on its root, see pageCost: the roadmap's timeline, summary and register) counting as more.
   */
  chunkPages?: number;
  /** Milliseconds to wait for the print view to start (its layout then takes as long as it takes). */
  timeoutMs?: number;
  /** Called once the view has planned its pages, before the first chunk: the document's page count. */
  onPlanned?(total: number): void;
  /** Called after each chunk: pages printed so far and the document's page count. */
  onProgress?(printed: number, total: number): void;
  /** Stops between chunks (the caller reports the cancellation). */
  signal?: AbortSignal;
}

/**
 * Pages per chunk. While a chunk prints, Chromium's page holds its DOM, print layout and paint records: about 2 MB a
 * text page, on top of what the whole document holds (its outline and page plan, which grow with it); each chunk also
 * costs about 0.2 s of fixed CPU (a print call, its fonts, the join), so smaller chunks cost time. Measured (npm run
 * bench -- roadmap): 200 workloads printed in 1.98× the one-go floor with 60 pages, 1.84× with 90, 1.89× with 120;
 * 5,000 workloads peaked at 1.32 GB with 60 pages but up to 1.49 GB with 90. So a long document takes 60 pages a
 * chunk and a shorter one 90.
 */
export const DEFAULT_CHUNK_PAGES = 90;
export const LONG_DOCUMENT_CHUNK_PAGES = 60;
/** From this many pages a document counts as long (1,000 workloads make about 1,170). */
export const LONG_DOCUMENT_PAGES = 1_000;

/** Pages a chunk of a document of `total` pages holds (null: not known yet, a short document's size). */
export function chunkPagesFor(total: number | null): number {
  return total !== null && total >= LONG_DOCUMENT_PAGES ? LONG_DOCUMENT_CHUNK_PAGES : DEFAULT_CHUNK_PAGES;
}
/** What a page in a data-heavy-pages range without its own weight costs: four text pages (90 -> 22 a chunk). */
export const HEAVY_PAGE_WEIGHT = 4;

/**
 * What a page costs to print, in text pages, from a view's data-heavy-pages: ranges "from-to" (each page counting as
 * `weight`) or "from-to:w" (counting as w), separated by spaces; the first range naming a page counts. Pages in none
 * count as one.
 */
export function pageCost(heavy: string | null, weight = 1): (page: number) => number {
  const ranges: [number, number, number][] = [];
  for (const part of (heavy ?? '').trim().split(/\s+/)) {
    const m = /^(\d+)-(\d+)(?::(\d+))?$/.exec(part);
    if (m) ranges.push([Number(m[1]), Number(m[2]), m[3] === undefined ? weight : Number(m[3])]);
  }
  return (page) => ranges.find(([from, to]) => page >= from && page <= to)?.[2] ?? 1;
}

/**
 * The data-heavy-pages a document of `total` pages is cut by. A long document counts every weight its view gives; a
 * short one only the pages weighing HEAVY_PAGE_WEIGHT or more (the timeline), its table pages as text pages: its chunks
 * are far below the memory limit, and a chunk more costs ~0.2 s (200 workloads: 4 chunks instead of 3, from 1.9× to
 * 2.0× the static floor).
 */
export function heavyPagesFor(total: number, heavy: string | null): string | null {
  if (heavy === null || total >= LONG_DOCUMENT_PAGES) return heavy;
  return heavy.trim().split(/\s+/).filter((range) => {
    const w = /:(\d+)$/.exec(range);
    return w === null || Number(w[1]) >= HEAVY_PAGE_WEIGHT;
  }).join(' ');
}

/**
 * The chunks of a document of `total` pages: `size` pages each, a page in `heavy` (see pageCost) counting as more;
 * a chunk always takes at least one page.
 */
export function chunkRanges(total: number, size: number, heavy: string | null = null, weight = 1): [number, number][] {
  const cost = pageCost(heavy, weight);
  const out: [number, number][] = [];
  let from = 1;
  while (from <= total) {
    let to = from;
    let used = cost(from);
    while (to < total && used + cost(to + 1) <= size) used += cost(++to);
    out.push([from, to]);
    from = to + 1;
  }
  return out;
}

/** Settles once the print view has started (it sets window.__offrampPrintReady as its module loads). */
const STARTED = 'new Promise((resolve) => { const check = () => (window.__offrampPrintReady !== undefined ? resolve(true) : setTimeout(check, 50)); check(); })';

/**
 * Waits for window.__offrampPrintReady (data loaded, fonts ready, pages planned). Only the start is bounded by
 * timeoutMs: planning 5,000 workloads takes minutes on a loaded machine, and that is not a failure.
 */
async function whenReady(target: PrintTarget, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`it did not start within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
  });
  try {
    await Promise.race([target.evaluate(STARTED), timeout]);
    await target.evaluate('window.__offrampPrintReady');
  } catch (e) {
    throw new OfframpError({ code: 'internal', message: `The print view did not get ready: ${(e as Error).message}` });
  } finally {
    clearTimeout(timer);
  }
}

/** Joins PDF chunks in order with pdf-lib, one at a time: each is copied in as it arrives, then the whole saved once. */
export class PdfJoiner {
  private doc: import('pdf-lib').PDFDocument | null = null;

  async add(chunk: Uint8Array): Promise<void> {
    const { PDFDocument } = await import('pdf-lib');
    this.doc ??= await PDFDocument.create();
    const part = await PDFDocument.load(chunk);
    for (const p of await this.doc.copyPages(part, part.getPageIndices())) this.doc.addPage(p);
  }

  async finish(): Promise<Buffer> {
    const { PDFDocument } = await import('pdf-lib');
    const doc = this.doc ?? await PDFDocument.create();
    // Without object streams the page tree stays readable to countPdfPages (and to simple PDF tools).
    const bytes = await doc.save({ useObjectStreams: false });
    this.doc = null;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
}

/** Joins PDF chunks in order into one document. */
export async function joinPdfs(chunks: Uint8Array[]): Promise<Buffer> {
  const joiner = new PdfJoiner();
  for (let i = 0; i < chunks.length; i++) {
    await joiner.add(chunks[i]);
    chunks[i] = new Uint8Array(); // let the chunk go as soon as its pages are copied
  }
  return joiner.finish();
}

/**
 * Waits for the print view, then prints it chunk by chunk (the page count comes from its root's data-pages) and
 * joins the chunks. A view without data-pages is printed in one go.
 */
export async function printInChunks(target: PrintTarget, options: ChunkOptions = {}): Promise<Buffer> {
  await whenReady(target, options.timeoutMs ?? 60_000);
  const text = await target.evaluate<string | null>("document.querySelector('[data-pages]')?.getAttribute('data-pages') ?? null");
  const n = Number(text);
  const total = text !== null && Number.isInteger(n) && n > 0 ? n : null;
  const size = Math.max(1, options.chunkPages ?? chunkPagesFor(total));
  const ranged = await target.evaluate<boolean>("typeof window.__offrampPrintRange === 'function'");
  if (total !== null) options.onPlanned?.(total);
  if (total === null || (total <= size && !ranged)) {
    const pdf = await target.print();
    options.onProgress?.(total ?? 1, total ?? 1);
    return Buffer.from(pdf);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-print-'));
  const files: string[] = [];
  const add = async (chunk: Uint8Array) => {
    const file = path.join(dir, `${String(files.length).padStart(5, '0')}.pdf`);
    await fs.promises.writeFile(file, chunk);
    files.push(file);
  };
  try {
    const heavy = options.chunkPages === undefined
      ? await target.evaluate<string | null>("document.querySelector('[data-heavy-pages]')?.getAttribute('data-heavy-pages') ?? null")
      : null;
    for (const [from, to] of chunkRanges(total, size, heavyPagesFor(total, heavy), HEAVY_PAGE_WEIGHT)) {
      if (options.signal?.aborted) throw new OfframpError({ code: 'cancelled', message: 'Printing was cancelled. Nothing was written.' });
      if (ranged) {
        await target.evaluate(`window.__offrampPrintRange(${from}, ${to})`);
        await add(await target.print());
      } else {
        await add(await target.print(`${from}-${to}`));
      }
      options.onProgress?.(to, total);
    }
    await target.release?.();
    // A document printed in one chunk is returned as printed.
    if (files.length === 1) return await fs.promises.readFile(files[0]);
    const joiner = new PdfJoiner();
    for (const file of files) await joiner.add(await fs.promises.readFile(file));
    return await joiner.finish();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
