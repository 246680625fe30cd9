// The words of a PDF page by page, as a reader sees them: pdftotext (poppler-utils) separates pages with a form feed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Writes `pdf` to `file` and returns the text of each page, in order, whitespace normalised. */
export function pdfPageTexts(file: string, pdf: Buffer): string[] {
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').slice(0, -1).map((t) => t.replace(/\s+/g, ' ').trim());
}
