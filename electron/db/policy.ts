// The deadline policy: one row, edited and undone as a whole.
import type { Database } from 'better-sqlite3';
import type { DeadlinePolicy } from '../../shared/domain/types.ts';
import type { Recorder, Row } from './changes.ts';
import { prepared } from './changes.ts';
import { json } from './rows.ts';

export function getPolicy(db: Database): DeadlinePolicy {
  const r = prepared(db, 'SELECT * FROM policy WHERE id = 1').get() as Row;
  return {
    events: json(r.events),
    retestDays: Number(r.retest_days),
    rollbackDays: Number(r.rollback_days),
    holidays: json(r.holidays),
    blackouts: json(r.blackouts),
    capacity: (r.capacity as number | null) ?? null,
    stepDurations: json(r.step_durations),
  };
}

export function setPolicy(db: Database, rec: Recorder, p: DeadlinePolicy): DeadlinePolicy {
  rec.update('policy', { id: 1 }, {
    events: JSON.stringify(p.events),
    retest_days: p.retestDays,
    rollback_days: p.rollbackDays,
    holidays: JSON.stringify([...p.holidays].sort()),
    blackouts: JSON.stringify(p.blackouts),
    capacity: p.capacity,
    step_durations: JSON.stringify(p.stepDurations),
  });
  return getPolicy(db);
}
