// Filling a workspace from a whole snapshot (JSON import, the sample, a generated portfolio): one recorded transaction.
import { snapshotSchema, type SnapshotInput } from '../../shared/domain/snapshotSchema.ts';
import { sampleWorkspace } from '../../shared/sample/sampleWorkspace.ts';
import { importSnapshot, type ImportSummary } from '../db/snapshot.ts';
import type { WorkspaceService } from '../workspace/service.ts';

export function fillWorkspace(ws: WorkspaceService, label: string, snapshot: SnapshotInput, options: { replacePolicy: boolean }): ImportSummary {
  return ws.mutate(label, (db, rec) => importSnapshot(db, rec, snapshot, options), 'import');
}

/** Creates `file` holding the sample portfolio dated from `today` (File › New from Sample, `cli sample`). */
export function createSampleWorkspace(ws: WorkspaceService, file: string, today: string): ImportSummary {
  const sample = snapshotSchema.parse(sampleWorkspace(today));
  ws.open(file, true);
  return fillWorkspace(ws, 'create the sample workspace', sample, { replacePolicy: true });
}
