// Filling a workspace from a whole snapshot (JSON import, the sample, a generated portfolio): one recorded transaction.
import type { Database } from 'better-sqlite3';
import { snapshotSchema, type SnapshotInput } from '../../shared/domain/snapshotSchema.ts';
import { sampleWorkspace } from '../../shared/sample/sampleWorkspace.ts';
import type { ClassificationRecord } from '../../shared/workshop/types.ts';
import type { Recorder } from '../db/changes.ts';
import { prepared } from '../db/changes.ts';
import { json } from '../db/rows.ts';
import { importSnapshot, type ImportSummary } from '../db/snapshot.ts';
import type { WorkspaceService } from '../workspace/service.ts';
import { acceptClassification, applyVote } from './workshopPlan.ts';

export function fillWorkspace(ws: WorkspaceService, label: string, snapshot: SnapshotInput, options: { replacePolicy: boolean }): ImportSummary {
  return ws.mutate(label, (db, rec) => importSnapshot(db, rec, snapshot, options), 'import');
}

/**
 * The sample's finished workshop captured answers and a vote: accept and apply them through the same paths as
 * the room would, so the job profiles say "workshop", the recommendation before and after are the engine's own,
 * and the vote's priority order is in the plan.
 */
function settleSampleWorkshops(db: Database, rec: Recorder, today: string): void {
  const captured = prepared(db, 'SELECT item_id, answers, at FROM workshop_classifications ORDER BY at').all() as { item_id: number; answers: string; at: string }[];
  for (const c of captured) {
    rec.delete('workshop_classifications', { item_id: c.item_id });
    acceptClassification(db, rec, { itemId: c.item_id, answers: json<ClassificationRecord['answers']>(c.answers), today, at: c.at });
  }
  const votes = prepared(db, `SELECT DISTINCT v.item_id FROM workshop_votes v JOIN workshop_agenda_items i ON i.id = v.item_id
    JOIN workshops w ON w.id = i.workshop_id WHERE w.status = 'finished'`).all() as { item_id: number }[];
  for (const v of votes) applyVote(db, rec, { itemId: v.item_id, today });
}

/** Creates `file` holding the sample portfolio dated from `today` (File › New from Sample, `cli sample`). */
export function createSampleWorkspace(ws: WorkspaceService, file: string, today: string): ImportSummary {
  const sample = snapshotSchema.parse(sampleWorkspace(today));
  ws.open(file, true);
  return ws.mutate('create the sample workspace', (db, rec) => {
    const summary = importSnapshot(db, rec, sample, { replacePolicy: true });
    settleSampleWorkshops(db, rec, today);
    return summary;
  }, 'import');
}
