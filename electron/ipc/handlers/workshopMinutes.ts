// Handlers of a workshop's minutes: their content for the print view, and the files (PDF, Markdown, iCalendar).
import fs from 'node:fs';
import type { workshopChannels } from '../../../shared/ipc/workshop.ts';
import { minutesRoute, type MinutesData } from '../../../shared/ipc/workshop.ts';
import { OfframpError } from '../../../shared/errors.ts';
import { buildMinutes } from '../../../shared/workshop/minutes.ts';
import { minutesToMarkdown } from '../../../shared/workshop/minutesMarkdown.ts';
import type { HandlerContext, HandlerMap } from '../context.ts';
import { getClient } from '../../db/clients.ts';
import { getWorkshopDetail } from '../../db/workshops.ts';
import { buildRoadmapData } from '../../exporters/roadmapData.ts';
import { countPdfPages } from '../../exporters/pdfPages.ts';
import { workshopToIcs } from '../../exporters/workshopIcs.ts';

type MinutesChannel = 'workshops.minutes' | 'export.minutesPdf' | 'export.minutesMarkdown' | 'export.workshopIcs';

export function minutesData(ctx: HandlerContext, workshopId: number, today?: string): MinutesData {
  const db = ctx.workspace.database();
  const day = today ?? ctx.today();
  const detail = getWorkshopDetail(db, workshopId);
  const roadmap = buildRoadmapData(db, ctx.workspace.path(), day, detail.workshop.clientId);
  const minutes = buildMinutes({ detail, clientName: roadmap.title, portfolio: roadmap.portfolio, commitments: roadmap.commitments, today: day });
  return { minutes, roadmap };
}

/** "Northwind Support minutes 2026-11-18.pdf": the client and the workshop's day. */
function fileName(ctx: HandlerContext, workshopId: number, what: string, ext: string): string {
  const db = ctx.workspace.database();
  const { workshop } = getWorkshopDetail(db, workshopId);
  return `${getClient(db, workshop.clientId).name} ${what} ${workshop.date}.${ext}`.replace(/[\\/:*?"<>|]+/g, '-');
}

function writeFile(file: string, data: string | Buffer): void {
  try {
    fs.writeFileSync(file, data);
  } catch (e) {
    throw new OfframpError({ code: 'io', file, message: `Could not write ${file}: ${(e as Error).message}` });
  }
}

export const minutesHandlers: HandlerMap<Extract<keyof typeof workshopChannels, MinutesChannel>> = {
  'workshops.minutes': ({ workshopId, today }, ctx) => minutesData(ctx, workshopId, today),

  'export.minutesPdf': async ({ workshopId, paper, today }, ctx) => {
    const file = await ctx.platform.chooseSavePath({
      title: 'Export minutes PDF', defaultName: fileName(ctx, workshopId, 'minutes', 'pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    if (!file) return null;
    if (!ctx.platform.printToPdf) throw new OfframpError({ code: 'internal', message: 'Printing to PDF is not available here' });
    ctx.progress('export.minutesPdf', 0, 2, 'Laying out the minutes');
    const pdf = await ctx.platform.printToPdf(minutesRoute({ workshopId, paper, today: today ?? ctx.today() }), { paper, landscape: true });
    writeFile(file, pdf);
    const pages = countPdfPages(pdf);
    ctx.progress('export.minutesPdf', 2, 2, `Saved ${pages} pages`);
    return { path: file, pages };
  },

  'export.minutesMarkdown': async ({ workshopId, today }, ctx) => {
    const file = await ctx.platform.chooseSavePath({
      title: 'Export minutes as Markdown', defaultName: fileName(ctx, workshopId, 'minutes', 'md'), filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    if (!file) return null;
    writeFile(file, minutesToMarkdown(minutesData(ctx, workshopId, today).minutes));
    return { path: file };
  },

  'export.workshopIcs': async ({ workshopId }, ctx) => {
    const db = ctx.workspace.database();
    const detail = getWorkshopDetail(db, workshopId);
    if (detail.actions.length === 0 && !detail.workshop.nextReviewDate) {
      throw new OfframpError({ code: 'invalid_payload', field: 'workshopId', message: 'This workshop has no actions and no next review date to put in a calendar' });
    }
    const file = await ctx.platform.chooseSavePath({
      title: 'Export actions as iCalendar', defaultName: fileName(ctx, workshopId, 'actions', 'ics'), filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    });
    if (!file) return null;
    writeFile(file, workshopToIcs(detail, getClient(db, detail.workshop.clientId).name));
    return { path: file };
  },
};
