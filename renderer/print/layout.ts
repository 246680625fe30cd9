// Page geometry and pagination of the roadmap: sheet sizes per paper, fixed timeline rows per page, and block packing.
// Pure functions, so the pagination can be checked without a browser and the print view exposes it as data attributes.
import type { PaperSize } from '../../shared/ipc/exports.ts';

const MM = 96 / 25.4;

export interface SheetGeometry {
  paper: PaperSize;
  /** CSS @page size keyword. */
  cssSize: string;
  /** Sheet size in CSS px, rounded down (and 1 px shorter) so a sheet never spills onto a second printed page. */
  width: number;
  height: number;
  padX: number;
  headerHeight: number;
  footerHeight: number;
  /** The body between the running header and the folio, and the space left in it for content (below its top padding). */
  bodyHeight: number;
  bodyPadTop: number;
  contentHeight: number;
  bodyWidth: number;
}

export function sheetGeometry(paper: PaperSize): SheetGeometry {
  const [wMm, hMm] = paper === 'A4' ? [297, 210] : [279.4, 215.9];
  const width = Math.floor(wMm * MM);
  const height = Math.floor(hMm * MM) - 1;
  const padX = 48;
  const headerHeight = 58;
  const footerHeight = 46;
  return {
    paper,
    cssSize: `${paper} landscape`,
    width,
    height,
    padX,
    headerHeight,
    footerHeight,
    bodyHeight: height - headerHeight - footerHeight,
    bodyPadTop: 12,
    contentHeight: height - headerHeight - footerHeight - 12,
    bodyWidth: width - 2 * padX,
  };
}

/** Heights of the timeline's fixed parts, in px: the page title, the date axis (repeated on every page) and the legend. */
export const TIMELINE = { titleHeight: 40, axisHeight: 34, legendHeight: 40, rowHeight: 24, labelWidth: 250 } as const;

export function timelineRowsPerPage(g: SheetGeometry): number {
  return Math.max(1, Math.floor((g.contentHeight - TIMELINE.titleHeight - TIMELINE.axisHeight - TIMELINE.legendHeight) / TIMELINE.rowHeight));
}

/** Splits rows into pages of at most `perPage` rows: a row (one workload's bar) is never cut across pages. */
export function chunkRows<T>(rows: T[], perPage: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < rows.length; i += perPage) pages.push(rows.slice(i, i + perPage));
  return pages.length > 0 ? pages : [[]];
}

/** A measured block: its height, or for a table its header (caption + column heads + spacing) and each row. */
export interface MeasuredBlock {
  height: number;
  keepWithNext?: boolean;
  table?: { headHeight: number; rowHeights: number[] };
}

/** One piece of a page: a whole block, or rows [from, to) of a table block (its header repeated). */
export interface PagePiece {
  block: number;
  from?: number;
  to?: number;
}

/** Fewest table rows worth starting on a page (no lonely rows under a header at the foot of a page). */
const MIN_ROWS = 3;

function firstPieceHeight(b: MeasuredBlock): number {
  if (!b.table) return b.height;
  return b.table.headHeight + b.table.rowHeights.slice(0, MIN_ROWS).reduce((a, h) => a + h, 0);
}

/**
 * Greedy packing of measured blocks into pages of `capacity` px. Blocks are never split; tables split between rows
 * and repeat their header. A heading (keepWithNext) moves to the next page with the start of what follows it.
 * A block taller than a page gets a page of its own and is reported as oversized.
 */
export function packBlocks(blocks: MeasuredBlock[], capacity: number, firstCapacity = capacity): { pages: PagePiece[][]; oversized: number[] } {
  const pages: PagePiece[][] = [];
  const oversized: number[] = [];
  let page: PagePiece[] = [];
  let used = 0;
  // A shorter first page (the space left under the timeline) is always reported, even empty, so page 0 means "there".
  const shortFirst = () => pages.length === 0 && firstCapacity < capacity;
  const cap = () => (shortFirst() ? firstCapacity : capacity);
  const flush = () => {
    if (page.length > 0 || shortFirst()) pages.push(page);
    page = [];
    used = 0;
  };
  blocks.forEach((b, i) => {
    if (!b.table) {
      if (b.height > capacity) oversized.push(i);
      // A heading stays with what follows, and so does a chain of headings (section title, then a workload's head).
      let need = b.height;
      for (let j = i; blocks[j]?.keepWithNext && j + 1 < blocks.length; j += 1) {
        const next = blocks[j + 1];
        need += next.keepWithNext ? next.height : firstPieceHeight(next);
        if (!next.keepWithNext) break;
      }
      need = Math.min(need, Math.max(capacity, b.height));
      if (used + need > cap() && (page.length > 0 || shortFirst())) flush();
      page.push({ block: i });
      used += b.height;
      return;
    }
    const { headHeight, rowHeights } = b.table;
    let r = 0;
    while (r < rowHeights.length || (r === 0 && rowHeights.length === 0)) {
      let h = headHeight;
      let k = 0;
      while (r + k < rowHeights.length && used + h + rowHeights[r + k] <= cap()) {
        h += rowHeights[r + k];
        k += 1;
      }
      const wanted = Math.min(MIN_ROWS, rowHeights.length - r);
      if (k < wanted && (page.length > 0 || shortFirst())) {
        flush();
        continue;
      }
      if (k === 0 && rowHeights.length > 0) {
        oversized.push(i);
        k = 1;
        h += rowHeights[r];
      }
      page.push({ block: i, from: r, to: r + k });
      used += h;
      r += k;
      if (rowHeights.length === 0) break;
      if (r < rowHeights.length) flush();
    }
  });
  flush();
  return { pages, oversized };
}

/** Linear date scale on whole days (ISO dates in, a 0..1 fraction out). */
export function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export interface DateAxis {
  start: string;
  end: string;
  x(iso: string): number;
  /** First day of each month in the range, labelled with the month, and the year on the first tick and every January. */
  ticks: { date: string; label: string; x: number }[];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** From a week before the first date (not the first of its month: today is often late in a month) to the month after the last. */
export function dateAxis(dates: string[]): DateAxis {
  const sorted = [...dates].filter(Boolean).sort();
  const a = dayNumber(sorted[0]) - 7;
  const start = isoOfDay(a);
  const last = sorted[sorted.length - 1];
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  const ticks: { date: string; label: string; x: number }[] = [];
  for (;;) {
    m += 1;
    if (m > 12) { m = 1; y += 1; }
    const date = `${y}-${String(m).padStart(2, '0')}-01`;
    ticks.push({ date, label: ticks.length === 0 || m === 1 ? `${MONTHS[m - 1]} ${y}` : MONTHS[m - 1], x: 0 });
    if (date > last) break;
  }
  const end = ticks[ticks.length - 1].date;
  const span = Math.max(1, dayNumber(end) - a);
  const x = (iso: string) => (dayNumber(iso) - a) / span;
  return { start, end, x, ticks: ticks.map((t) => ({ ...t, x: x(t.date) })) };
}
