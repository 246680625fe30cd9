// What the evaluation-import tests share: a workspace with one client and one workload, files placed in its folder,
// and every table of the workspace file as stored.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { aWorkspace, type TestApp } from './app.ts';

/** A workspace with the client "Helix Health" and its workload "Patient FAQ"; pushed to `open` for the file's afterEach to close. */
export async function aWorkloadWorkspace(open: TestApp[]): Promise<TestApp & { workloadId: number; clientId: number }> {
  const t = await aWorkspace();
  open.push(t);
  const client = await t.call('clients.create', { name: 'Helix Health' });
  const w = await t.call('workloads.create', { clientId: client.id, name: 'Patient FAQ' });
  return { ...t, workloadId: w.id, clientId: client.id };
}

/** Writes `content` as `name` in the workspace's folder and returns its path. */
export function placeFile(t: TestApp, name: string, content: string | Buffer): string {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Every table of the workspace file as stored, read through a connection of its own. */
export function storedTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}
