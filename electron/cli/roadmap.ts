// CLI commands of the exports area: the roadmap PDF (headless Chromium), milestones as iCalendar, the plan as CSV.
import { OfframpError } from '../../shared/errors.ts';
import { PAPER_SIZES, type PaperSize } from '../../shared/ipc/exports.ts';
import { exportRoadmapHeadless, openHeadless, resolveClient } from '../exporters/headlessRoadmap.ts';
import { optionalTodayOption, requireOption, type CliCommand } from './commands.ts';

export function paperOf(values: Record<string, string | boolean | undefined>): PaperSize {
  const v = typeof values.paper === 'string' ? values.paper : 'A4';
  const match = PAPER_SIZES.find((p) => p.toLowerCase() === v.toLowerCase());
  if (!match) throw new OfframpError({ code: 'invalid_payload', field: '--paper', message: `--paper must be A4 or Letter, not "${v}"` });
  return match;
}

export const roadmapCommand: CliCommand = {
  summary: 'Write the roadmap PDF (needs the built renderer: npm run build:renderer, and Chromium: CHROME_PATH or /usr/bin/chromium).',
  usage: 'roadmap --db FILE --out FILE.pdf [--client NAME_OR_ID] [--paper A4|Letter] [--today YYYY-MM-DD]',
  options: { db: { type: 'string' }, out: { type: 'string' }, client: { type: 'string' }, paper: { type: 'string' }, today: { type: 'string' } },
  async run(values, io) {
    const started = Date.now();
    const result = await exportRoadmapHeadless({
      db: io.resolve(requireOption(values, 'db')),
      out: io.resolve(requireOption(values, 'out')),
      client: typeof values.client === 'string' ? values.client : undefined,
      paper: paperOf(values),
      today: optionalTodayOption(values),
    });
    io.out(`Wrote ${result.path} (${result.pages} pages, ${paperOf(values)} landscape) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    return 0;
  },
};

function fileExport(what: string, channel: 'export.ics' | 'export.planCsv', ext: string, flags: Record<string, string> = {}): CliCommand {
  const flagUsage = Object.keys(flags).map((f) => ` [--${f}]`).join('');
  return {
    summary: `Write ${what}.${Object.entries(flags).map(([f, why]) => ` --${f}: ${why}.`).join('')}`,
    usage: `${ext} --db FILE --out FILE.${ext} [--client NAME_OR_ID] [--today YYYY-MM-DD]${flagUsage}`,
    options: {
      db: { type: 'string' }, out: { type: 'string' }, client: { type: 'string' }, today: { type: 'string' },
      ...Object.fromEntries(Object.keys(flags).map((f) => [f, { type: 'boolean' as const }])),
    },
    async run(values, io) {
      const out = io.resolve(requireOption(values, 'out'));
      const today = optionalTodayOption(values);
      const session = await openHeadless(io.resolve(requireOption(values, 'db')), { today });
      try {
        const clientId = await resolveClient(session, typeof values.client === 'string' ? values.client : undefined);
        session.saveTo(out);
        const extra = Object.fromEntries(Object.keys(flags).map((f) => [f, values[f] === true]));
        await session.call(channel, { clientId, today, ...extra });
      } finally {
        await session.close();
      }
      io.out(`Wrote ${out}\n`);
      return 0;
    },
  };
}

export const icsCommand = fileExport(
  'the milestones (training deadline, sunset dates, bridge refresh-by dates, commitment due and notice-by dates) as iCalendar',
  'export.ics', 'ics', { steps: 'also every step end (six events per workload)' },
);
export const csvCommand = fileExport('the plan as CSV, one row per workload step', 'export.planCsv', 'csv');
