// Property-based checks of every importer through the real dispatch on a real SQLite file: whatever
// the file holds, the import either succeeds or is refused with an error that names the file and a
// line or field, is never "internal", and leaves every table exactly as it was.
// Used by the CI test (fuzz.test.ts, 500 cases each) and by `npm run fuzz` (run.ts, 10,000 each).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import fc from 'fast-check';
import { createIpcApp, type IpcApp } from '../../../electron/ipc/app.ts';
import type { ErrorInfo, Result } from '../../../shared/errors.ts';

export interface FuzzWorkspace {
  app: IpcApp;
  dir: string;
  file: string;
  clientId: number;
  workloadId: number;
  /** Writes a generated file into the workspace's folder and returns a handle as imports.chooseFile would. */
  place(name: string, content: string | Uint8Array): { file: string; handle: string };
  call(channel: string, payload: unknown): Promise<Result<unknown>>;
  close(): void;
}

export async function fuzzWorkspace(): Promise<FuzzWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-fuzz-'));
  const file = path.join(dir, 'workspace.offramp');
  const answers: (string | null)[] = [file];
  const answer = async () => answers.shift() ?? null;
  const app = createIpcApp({ configDir: path.join(dir, 'config'), today: '2026-11-25', platform: { chooseWorkspace: answer, chooseSavePath: answer, chooseOpenPath: answer } });
  const must = async (channel: string, payload: unknown) => {
    const r = await app.dispatch(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as { id: number };
  };
  await must('workspace.create', {});
  const client = await must('clients.create', { name: 'Helix Health' });
  const workload = await must('workloads.create', { clientId: client.id, name: 'Patient FAQ' });
  await must('candidates.create', { workloadId: workload.id, name: 'RAG baseline', approach: 'rag' });
  let n = 0;
  return {
    app, dir, file, clientId: client.id, workloadId: workload.id,
    place(name, content) {
      const sub = path.join(dir, `case-${n++}`);
      fs.mkdirSync(sub);
      const f = path.join(sub, name);
      fs.writeFileSync(f, content);
      return { file: f, handle: app.ctx.files.register(f) };
    },
    call: (channel, payload) => app.dispatch(channel, payload),
    close() {
      app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const statements = new WeakMap<Database, { tables: string[]; select: Map<string, Statement<[]>> }>();

/**
 * One hash per table of the open workspace (every row, in rowid order): equal before and after means
 * nothing was written. The audit log only grows, so its row count and last id stand for it (hashing
 * it whole would make every case slower than the last).
 */
export function hashTables(db: Database): Record<string, string> {
  let cached = statements.get(db);
  if (!cached) {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const select = new Map(tables.map((t) => [t, db.prepare(t === 'audit_log' ? 'SELECT count(*), max(id) FROM audit_log' : `SELECT * FROM "${t.replace(/"/g, '""')}"`).raw() as Statement<[]>]));
    statements.set(db, (cached = { tables, select }));
  }
  const out: Record<string, string> = {};
  for (const name of cached.tables) {
    const h = crypto.createHash('sha1');
    for (const row of cached.select.get(name)!.iterate()) h.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
    out[name] = h.digest('hex');
  }
  return out;
}

export class FuzzFailure extends Error {}

/** The checks every refusal must pass: not internal, names the file, and a line or a field. */
export function checkRefusal(e: ErrorInfo, file: string, context: string): void {
  const fail = (why: string) => {
    throw new FuzzFailure(`${context}: ${why}\n  error: ${JSON.stringify(e)}`);
  };
  if (e.code === 'internal') fail('an internal error reached the user');
  if (/\n\s+at |SQLITE_|constraint failed|EISDIR|undefined|\[object Object\]/.test(e.message)) fail('the message carries a stack trace, SQLite text or a programming slip');
  const base = path.basename(file);
  if (!(e.file === file || e.file === base || e.message.includes(base))) fail('the error does not name the file');
  if (!((e.line !== undefined && e.line > 0) || (e.field !== undefined && e.field.length > 0))) fail('the error names neither a line nor a field');
}

export function checkUnchanged(before: Record<string, string>, after: Record<string, string>, context: string): void {
  const changed = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
  if (changed.length > 0) throw new FuzzFailure(`${context}: an error was reported but ${changed.join(', ')} changed`);
}

export interface FuzzTally {
  importer: string;
  cases: number;
  accepted: number;
  refused: number;
}

export interface Importer<T> {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs one case through the real channels; returns 'accepted' or 'refused' (after the checks), or throws FuzzFailure. */
  run(ws: FuzzWorkspace, input: T): Promise<'accepted' | 'refused'>;
}

/** Runs `importer` for `numRuns` cases with a fixed seed; throws with fast-check's shrunk counterexample on the first failure. */
export async function fuzzImporter<T>(importer: Importer<T>, numRuns: number, seed = 20261125): Promise<FuzzTally> {
  const ws = await fuzzWorkspace();
  const tally: FuzzTally = { importer: importer.name, cases: 0, accepted: 0, refused: 0 };
  try {
    await fc.assert(
      fc.asyncProperty(importer.arbitrary, async (input) => {
        tally.cases += 1;
        const outcome = await importer.run(ws, input);
        tally[outcome] += 1;
      }),
      { numRuns, seed, endOnFailure: true },
    );
  } finally {
    ws.close();
  }
  return tally;
}

/**
 * A preview → commit pair through dispatch with every check: a refused preview or commit must name the
 * file and a line or field and leave every table as it was. Commits that succeed are undone, so each case
 * starts from the same workspace.
 */
export async function previewAndCommit(
  ws: FuzzWorkspace,
  file: string,
  context: string,
  preview: () => Promise<Result<unknown>>,
  commit: (value: unknown) => Promise<Result<unknown>> | null,
): Promise<'accepted' | 'refused'> {
  const db = ws.app.ctx.workspace.database();
  const before = hashTables(db);
  const p = await preview();
  if (!p.ok) {
    checkRefusal(p.error, file, `${context} (preview)`);
    checkUnchanged(before, hashTables(db), `${context} (preview)`);
    return 'refused';
  }
  checkUnchanged(before, hashTables(db), `${context} (preview wrote)`);
  const c = commit(p.value);
  if (c === null) return 'refused';
  const r = await c;
  if (!r.ok) {
    checkRefusal(r.error, file, `${context} (commit)`);
    checkUnchanged(before, hashTables(db), `${context} (commit)`);
    return 'refused';
  }
  // An import that changed something is undone: the workspace must come back exactly (the audit log keeps both).
  const content = (h: Record<string, string>) => JSON.stringify({ ...h, audit_log: '' });
  if (content(hashTables(db)) !== content(before)) {
    const u = await ws.call('history.undo', {});
    if (!u.ok) throw new FuzzFailure(`${context}: undo after a successful import failed: ${u.error.message}`);
    if (content(hashTables(db)) !== content(before)) throw new FuzzFailure(`${context}: undo did not restore every table`);
  }
  return 'accepted';
}
