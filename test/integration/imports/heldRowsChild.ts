// Child process of the held-rows test (it needs --expose-gc): imports evaluation rows, undoes the import (the rows
// move to a temp-schema store), redoes and undoes it again, then makes another edit so that no undo or redo step holds
// the import any more, collects garbage, and prints the held stores seen after each step as one line of JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createIpcApp } from '../../../electron/ipc/app.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-held-'));
const file = path.join(dir, 'w.offramp');
const app = createIpcApp({ configDir: path.join(dir, 'config'), today: '2026-11-25', platform: { chooseWorkspace: async () => file, chooseSavePath: async () => null, chooseOpenPath: async () => null } });

async function must(channel: string, payload: unknown): Promise<Record<string, unknown>> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as Record<string, unknown>;
}

const stores = () => (app.ctx.workspace.database().prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table' AND name LIKE 'offramp_held_%'").all() as { name: string }[]).length;
const rows = () => (app.ctx.workspace.database().prepare('SELECT count(*) AS n FROM evaluation_rows').get() as { n: number }).n;

await must('workspace.create', {});
const client = await must('clients.create', { name: 'Helix' });
const workload = await must('workloads.create', { clientId: client.id, name: 'FAQ' });
const csv = path.join(dir, 'r.csv');
fs.writeFileSync(csv, `candidate,task_id,latency_ms\n${Array.from({ length: 500 }, (_, i) => `RAG,t${i},${i}`).join('\n')}\n`);
const preview = await must('imports.evaluations.preview', { file: app.ctx.files.register(csv), workloadId: workload.id });
await must('imports.evaluations.commit', { token: preview.token, workloadId: workload.id, approaches: {} });
const seen: Record<string, { stores: number; rows: number }> = { imported: { stores: stores(), rows: rows() } };
await must('history.undo', {});
seen.undone = { stores: stores(), rows: rows() };
await must('history.redo', {});
seen.redone = { stores: stores(), rows: rows() };
await must('history.undo', {});
seen.undoneAgain = { stores: stores(), rows: rows() };
// A new edit clears the redo step that held the undone import: nothing refers to its rows any more.
await must('clients.create', { name: 'Other' });
// The collector's cleanup runs as a task after a collection: ask again until it has run (or clearly never will).
for (let i = 0; i < 200 && stores() > 0; i++) {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
seen.forgotten = { stores: stores(), rows: rows() };
app.close();
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(seen)}\n`);
