// Chunks of a long roadmap are joined in order into one PDF whose page count is the sum of the chunks'.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { joinPdfs } from '../../../electron/exporters/chromiumPdf.ts';
import { countPdfPages } from '../../../electron/exporters/pdfPages.ts';
import { tempDir } from '../../support/tmp.ts';

/** The text of one page, read back by poppler's pdftotext (skipped where it is not installed). */
function pageText(pdf: Buffer, page: number): string | null {
  const file = path.join(tempDir(), 'joined.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** A PDF whose pages say "Page n" from `first` on. */
async function aChunk(first: number, pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) doc.addPage([400, 300]).drawText(`Page ${first + i}`, { x: 20, y: 20, font, size: 12 });
  return Buffer.from(await doc.save());
}

describe('joining printed chunks', () => {
  it('keeps every page of every chunk, in order', async () => {
    const joined = await joinPdfs([await aChunk(1, 3), await aChunk(4, 2), await aChunk(6, 4)]);
    expect(countPdfPages(joined)).toBe(9);
    const doc = await PDFDocument.load(joined);
    expect(doc.getPageCount()).toBe(9);
    expect(doc.getPage(8).getSize()).toEqual({ width: 400, height: 300 });
    const sixth = pageText(joined, 6);
    if (sixth !== null) expect(sixth).toBe('Page 6');
  });

  it('returns a single chunk unchanged in content', async () => {
    const joined = await joinPdfs([await aChunk(1, 2)]);
    expect(countPdfPages(joined)).toBe(2);
  });
});
