// `cli baseline`: store the plan as it is today as a named, dated baseline (as "Set baseline" on the Plan screen).
import { openForCli, requireOption, todayOption, type CliCommand } from './commands.ts';
import { diffSinceBaseline, setBaseline } from '../services/baselines.ts';
import { latestBaseline } from '../db/baselines.ts';

export const baselineCommand: CliCommand = {
  summary: 'Store the whole plan as a named, dated baseline; later plans show what moved since it.',
  usage: 'baseline --db FILE [--name NAME] [--today YYYY-MM-DD]',
  options: { db: { type: 'string' }, name: { type: 'string' }, today: { type: 'string' } },
  async run(values, io) {
    const ws = openForCli(io.resolve(requireOption(values, 'db')));
    try {
      const today = todayOption(values);
      const previous = latestBaseline(ws.database());
      // What moved since the previous baseline, said before the new one replaces it as the reference.
      const moved = previous ? diffSinceBaseline(ws.database(), today, { id: previous.id }) : null;
      const name = typeof values.name === 'string' && values.name.trim() !== '' ? values.name.trim() : undefined;
      const summary = ws.mutate('baselines.create', (db, rec) => setBaseline(db, rec, today, name));
      io.out(`Set baseline "${summary.name}" (${summary.workloadCount} workloads, plan of ${summary.today}).\n`);
      if (moved) io.out(`Since "${moved.baseline.name}": ${moved.changes.length} ${moved.changes.length === 1 ? 'workload' : 'workloads'} changed, ${moved.unchanged} unchanged.\n`);
    } finally {
      ws.close();
    }
    return 0;
  },
};
