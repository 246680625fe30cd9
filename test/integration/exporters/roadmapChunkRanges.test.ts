// How a long document is cut into chunks: every page once and in order, fewer of the heavy pages (the roadmap's
// timeline) per chunk than of text pages, and exactly the pages asked for when a caller fixes the chunk size.
import { describe, expect, it } from 'vitest';
import { chunkPagesFor, chunkRanges, heavyPagesFor } from '../../../electron/exporters/chunkedPrint.ts';

/** The pages the chunks cover, in order. */
const pagesOf = (chunks: [number, number][]) => chunks.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i));

describe('cutting a document into print chunks', () => {
  it('takes smaller chunks for a long document, whose outline and page plan already hold memory', () => {
    expect(chunkPagesFor(237)).toBe(90);
    expect(chunkPagesFor(null)).toBe(90);
    expect(chunkPagesFor(5_828)).toBe(60);
  });

  it('prints every page once, in order, in chunks of the size asked for', () => {
    expect(chunkRanges(30, 7)).toEqual([[1, 7], [8, 14], [15, 21], [22, 28], [29, 30]]);
  });

  it('prints timeline pages a quarter as many at a time as text pages, and never skips or repeats a page', () => {
    const chunks = chunkRanges(5_828, 60, '12-220', 4);
    expect(pagesOf(chunks)).toEqual(Array.from({ length: 5_828 }, (_, i) => i + 1));
    const timelineOnly = chunks.filter(([from, to]) => from >= 12 && to <= 220);
    expect(timelineOnly.length).toBeGreaterThan(10);
    for (const [from, to] of timelineOnly) expect(to - from + 1).toBeLessThanOrEqual(15);
    for (const [from, to] of chunks.filter(([from]) => from > 220).slice(0, -1)) expect(to - from + 1).toBe(60);
  });

  it('prints pages a view weighs itself (the summary and register tables, twice a text page) fewer at a time', () => {
    const chunks = chunkRanges(100, 10, '11-20:4 2-10:2 91-100:2', 4);
    expect(pagesOf(chunks)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(chunks.slice(0, 3)).toEqual([[1, 5], [6, 10], [11, 12]]);
    expect(chunks.slice(-3)).toEqual([[83, 91], [92, 96], [97, 100]]);
    expect(chunks.filter(([from, to]) => from > 20 && to < 83).every(([from, to]) => to - from + 1 === 10)).toBe(true);
  });

  it('counts table pages as text pages in a short document, whose chunks are far from the memory limit', () => {
    const heavy = '21-29:4 2-20:2 235-237:2';
    expect(heavyPagesFor(237, heavy)).toBe('21-29:4');
    expect(chunkRanges(237, 90, heavyPagesFor(237, heavy), 4)).toHaveLength(3);
    expect(heavyPagesFor(5_828, heavy)).toBe(heavy);
  });

  it('still moves on when one heavy page outweighs a whole chunk', () => {
    expect(chunkRanges(3, 2, '1-3', 4)).toEqual([[1, 1], [2, 2], [3, 3]]);
  });
});
