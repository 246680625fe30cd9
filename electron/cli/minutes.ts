// CLI `minutes`: a workshop's minutes as PDF (headless Chromium, like `roadmap`) or Markdown, chosen by --out's extension.
import { OfframpError } from '../../shared/errors.ts';
import { exportMinutesHeadless } from '../exporters/headlessMinutes.ts';
import { optionalTodayOption, requireOption, type CliCommand } from './commands.ts';
import { paperOf } from './roadmap.ts';

export const minutesCommand: CliCommand = {
  summary: 'Write a workshop\'s minutes as PDF (needs the built renderer and Chromium, as roadmap does) or as Markdown (.md).',
  usage: 'minutes --db FILE --workshop ID --out FILE.pdf|FILE.md [--paper A4|Letter] [--today YYYY-MM-DD]',
  options: { db: { type: 'string' }, workshop: { type: 'string' }, out: { type: 'string' }, paper: { type: 'string' }, today: { type: 'string' } },
  async run(values, io) {
    const raw = requireOption(values, 'workshop');
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new OfframpError({ code: 'invalid_payload', field: '--workshop', message: `--workshop takes a workshop's id (a whole number), not "${raw}"` });
    const result = await exportMinutesHeadless({
      db: io.resolve(requireOption(values, 'db')),
      out: io.resolve(requireOption(values, 'out')),
      workshopId: Number(raw),
      paper: paperOf(values),
      today: optionalTodayOption(values),
    });
    io.out(`Wrote ${result.path}${result.pages !== null ? ` (${result.pages} pages, ${paperOf(values)} landscape)` : ''}\n`);
    return 0;
  },
};
