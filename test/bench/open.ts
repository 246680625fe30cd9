// Opening a big workspace, as the user waits for it: File › Open on 5,000 workloads with 1,000,000 evaluation rows,
// until the first screen has its data (workspace.open, then the reads the renderer makes right after). Opening runs
// quick_check and takes no backup; the full integrity_check and the online backup wait for the first write, measured
// beside it. The floor is SQLite opening the same file and reading one row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createIpcApp } from '../../electron/ipc/app.ts';
import type { BenchResult } from './engine.ts';
import { figure, repeat, timed, type Sample } from './harness.ts';
import { benchWorkspace, copyOf } from './workspaces.ts';

/** What the renderer asks for as soon as a workspace is open (stores/inventory.ts loadAll). */
const FIRST_SCREEN = ['workspace.current', 'workspace.recent', 'clients.list', 'workloads.list', 'contracts.list', 'commitments.list', 'policy.get'] as const;

async function ok(p: Promise<{ ok: boolean; error?: { message: string } }>): Promise<void> {
  const r = await p;
  if (!r.ok) throw new Error(r.error?.message ?? 'failed');
}

/** Opening a 1,000,000-row workspace until the first screen has its data; and the first write's backup beside it. */
export async function benchOpen(): Promise<BenchResult[]> {
  const source = benchWorkspace({ clients: 50, workloads: 5000, evaluationRows: 1_000_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offramp-bench-open-'));
  const sizeMb = Math.round(fs.statSync(source).size / 1024 / 1024);
  const opens: Sample[] = [];
  const firstWrites: Sample[] = [];
  const floors: Sample[] = [];
  try {
    await repeat(async (run) => {
      const file = copyOf(source, dir, `open-${run}.offramp`);
      const app = createIpcApp({
        configDir: path.join(dir, `config-${run}`),
        platform: { chooseWorkspace: async () => file, chooseSavePath: async () => null, chooseOpenPath: async () => null },
      });
      try {
        const { sample } = await timed(async () => {
          await ok(app.dispatch('workspace.open', {}));
          await Promise.all(FIRST_SCREEN.map((c) => ok(app.dispatch(c, {}))));
        });
        if (run >= 0) opens.push(sample);
        // The first write of the session pays for the full integrity_check and the online backup.
        const write = await timed(() => ok(app.dispatch('clients.create', { name: `Bench ${run}` })));
        if (run >= 0) firstWrites.push(write.sample);
      } finally {
        app.close();
        fs.rmSync(`${file}.backups`, { recursive: true, force: true });
      }
      const floor = await timed(() => {
        const db = new Database(file, { readonly: true });
        db.prepare('SELECT id FROM clients LIMIT 1').get();
        db.close();
      });
      if (run >= 0) floors.push(floor.sample);
      fs.rmSync(file, { force: true });
      return opens.at(-1) ?? { wallMs: 0 };
    }, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    figure({
      name: `open a 1,000,000-row workspace (${sizeMb} MB) until the first screen has its data (quick_check, no backup)`,
      samples: opens, target: '≤ 300 ms', limit: 300, floor: { name: 'SQLite opens the file and reads a row', samples: floors },
    }),
    figure({
      name: 'its first write: full integrity_check + online backup (db.backup), then the change',
      samples: firstWrites, note: 'once per session, not on open',
    }),
  ];
}
