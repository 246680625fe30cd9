// Handlers of the exports area: the roadmap's data for the print view, and the files (PDF, iCalendar, CSV, JSON).
import fs from 'node:fs';
import path from 'node:path';
import type { exportsChannels, PaperSize } from '../../../shared/ipc/exports.ts';
import { roadmapRoute } from '../../../shared/ipc/exports.ts';
import { OfframpError } from '../../../shared/errors.ts';
import { planToCsv } from '../../../shared/plan/csv.ts';
import type { HandlerContext, HandlerMap } from '../context.ts';
import { buildRoadmapData, keptRoadmap, releaseKeptRoadmap, roadmapDetail, roadmapOutline } from '../../exporters/roadmapData.ts';
import { milestonesToIcs, portfolioMilestones } from '../../exporters/milestonesIcs.ts';
import { countPdfPages } from '../../exporters/pdfPages.ts';
import { loadPortfolio } from '../../services/portfolio.ts';
import { exportSnapshot } from '../../db/snapshot.ts';

/** The default file name: the scope (client or workspace) and the day, e.g. "Northwind roadmap 2026-11-25.pdf". */
function defaultName(ctx: HandlerContext, clientId: number | undefined, what: string, today: string, ext: string): string {
  const db = ctx.workspace.database();
  const client = clientId === undefined ? undefined : (db.prepare('SELECT name FROM clients WHERE id = ?').get(clientId) as { name: string } | undefined);
  if (clientId !== undefined && !client) throw new OfframpError({ code: 'not_found', field: 'clientId', message: `There is no client with id ${clientId} in this workspace` });
  const scope = client?.name ?? path.basename(ctx.workspace.path()).replace(/\.offramp$/i, '');
  return `${scope} ${what} ${today}.${ext}`.replace(/[\\/:*?"<>|]+/g, '-');
}

function writeFile(file: string, data: string | Buffer): void {
  try {
    fs.writeFileSync(file, data);
  } catch (e) {
    throw new OfframpError({ code: 'io', file, message: `Could not write ${file}: ${(e as Error).message}` });
  }
}

async function exportRoadmapPdf(ctx: HandlerContext, p: { clientId?: number; today?: string; paper: PaperSize }) {
  const today = p.today ?? ctx.today();
  const file = await ctx.platform.chooseSavePath({
    title: 'Export roadmap PDF', defaultName: defaultName(ctx, p.clientId, 'roadmap', today, 'pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }],
  });
  if (!file) return null;
  if (!ctx.platform.printToPdf) throw new OfframpError({ code: 'internal', message: 'Printing to PDF is not available here' });
  const print = ctx.platform.printToPdf;
  // A task, so the window can show the pages printed so far and cancel between chunks.
  return ctx.tasks.run('export.roadmapPdf', 'The roadmap export', async (signal, report) => {
    report(0, 1, 'Laying out the roadmap');
    ctx.progress('export.roadmapPdf', 0, 3, 'Laying out the roadmap');
    const pdf = await print(roadmapRoute({ paper: p.paper, clientId: p.clientId, today }), {
      paper: p.paper, landscape: true, signal,
      onPlanned: (total) => {
        report(0, total, `Printing ${total} pages`);
        ctx.progress('export.roadmapPdf', 0, total, `Printing ${total} pages`);
      },
      onProgress: (printed, total) => {
        report(printed, total, `Printed ${printed} of ${total} pages`);
        ctx.progress('export.roadmapPdf', printed, total, `Printed ${printed} of ${total} pages`);
      },
    }).finally(releaseKeptRoadmap);
    if (signal.aborted) throw new OfframpError({ code: 'cancelled', message: 'The roadmap export was cancelled. Nothing was written.' });
    writeFile(file, pdf);
    const pages = countPdfPages(pdf);
    ctx.progress('export.roadmapPdf', pages, pages, `Saved ${pages} pages`);
    return { path: file, pages };
  });
}

export const exportsHandlers: HandlerMap<keyof typeof exportsChannels> = {
  'roadmap.data': ({ clientId, today }, ctx) => buildRoadmapData(ctx.workspace.database(), ctx.workspace.path(), today ?? ctx.today(), clientId),

  // A chunked print asks for the outline once and then each chunk's workloads: all from one computed roadmap.
  'roadmap.outline': ({ clientId, today }, ctx) => roadmapOutline(keptRoadmap(ctx.workspace.database(), ctx.workspace.path(), today ?? ctx.today(), clientId)),
  'roadmap.detail': ({ clientId, today, workloadIds }, ctx) => roadmapDetail(keptRoadmap(ctx.workspace.database(), ctx.workspace.path(), today ?? ctx.today(), clientId), workloadIds),

  'export.roadmapPdf': (p, ctx) => exportRoadmapPdf(ctx, p),

  'export.ics': async ({ clientId, today, steps }, ctx) => {
    const day = today ?? ctx.today();
    const file = await ctx.platform.chooseSavePath({
      title: 'Export milestones', defaultName: defaultName(ctx, clientId, 'milestones', day, 'ics'), filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    });
    if (!file) return null;
    const { snapshot, portfolio } = loadPortfolio(ctx.workspace.database(), day, clientId);
    const name = clientId === undefined ? 'Offramp milestones' : `Offramp milestones — ${snapshot.clients[0]?.name ?? ''}`;
    writeFile(file, milestonesToIcs(portfolioMilestones(portfolio, snapshot.clients, { steps, commitments: snapshot.commitments }), name));
    return { path: file };
  },

  'export.planCsv': async ({ clientId, today }, ctx) => {
    const day = today ?? ctx.today();
    const file = await ctx.platform.chooseSavePath({
      title: 'Export plan as CSV', defaultName: defaultName(ctx, clientId, 'plan', day, 'csv'), filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    if (!file) return null;
    writeFile(file, planToCsv(loadPortfolio(ctx.workspace.database(), day, clientId).portfolio));
    return { path: file };
  },

  'export.workspaceJson': async (_p, ctx) => {
    const file = await ctx.platform.chooseSavePath({
      title: 'Export workspace as JSON', defaultName: defaultName(ctx, undefined, 'workspace', ctx.today(), 'json'), filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    if (!file) return null;
    writeFile(file, `${JSON.stringify(exportSnapshot(ctx.workspace.database(), new Date().toISOString()), null, 2)}\n`);
    return { path: file };
  },
};
