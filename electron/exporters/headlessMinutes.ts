// A workshop's minutes from a workspace file without a window: the headless session of the roadmap export
// (same IPC app and handlers, save dialog answered by the path), printing the minutes' route with Chromium.
import type { Browser } from 'playwright-core';
import { OfframpError } from '../../shared/errors.ts';
import type { PaperSize } from '../../shared/ipc/exports.ts';
import { openHeadless } from './headlessRoadmap.ts';

export interface MinutesExport {
  path: string;
  format: 'pdf' | 'md';
  pages: number | null;
}

export function minutesFormat(out: string): 'pdf' | 'md' {
  const ext = out.toLowerCase().split('.').pop();
  if (ext === 'pdf' || ext === 'md') return ext;
  throw new OfframpError({ code: 'invalid_payload', field: '--out', message: `--out must end in .pdf or .md (the minutes as PDF or Markdown), not "${out}"` });
}

export async function exportMinutesHeadless(options: {
  db: string; out: string; workshopId: number; paper?: PaperSize; today?: string; browser?: Browser;
}): Promise<MinutesExport> {
  const format = minutesFormat(options.out);
  const session = await openHeadless(options.db, { today: options.today, browser: options.browser, printing: format === 'pdf' });
  try {
    const workshops = await session.call('workshops.list', {});
    if (!workshops.some((w) => w.workshop.id === options.workshopId)) {
      const choices = workshops.map((w) => `${w.workshop.id} (${w.workshop.title}, ${w.workshop.date})`).join(', ');
      throw new OfframpError({ code: 'not_found', field: '--workshop', message: `No workshop with id ${options.workshopId}. Workshops: ${choices || 'none'}` });
    }
    session.saveTo(options.out);
    const result = format === 'pdf'
      ? await session.call('export.minutesPdf', { workshopId: options.workshopId, paper: options.paper ?? 'A4', today: options.today })
      : await session.call('export.minutesMarkdown', { workshopId: options.workshopId, today: options.today });
    if (!result) throw new OfframpError({ code: 'cancelled', message: 'The export was cancelled' });
    return { path: result.path, format, pages: result.pages ?? null };
  } finally {
    await session.close();
  }
}
