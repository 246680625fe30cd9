// Workspace files for the export tests and the benchmark, built through the same IPC app the product uses.
import path from 'node:path';
import { createIpcApp } from '../../../electron/ipc/app.ts';
import { fillWorkspace } from '../../../electron/services/fill.ts';
import { generatePortfolio } from '../../../shared/sample/generate.ts';
import { snapshotSchema } from '../../../shared/domain/snapshotSchema.ts';

/** A platform whose workspace dialog answers `file` (the renderer never names paths; the main process asks). */
const answering = (file: string) => ({ chooseWorkspace: async () => file, chooseSavePath: async () => null, chooseOpenPath: async () => null });

/** The sample workspace (three clients from the migration guide's cases, one benchmarked workload). */
export async function sampleWorkspaceFile(dir: string, today: string): Promise<string> {
  const file = path.join(dir, 'sample.offramp');
  const app = createIpcApp({ configDir: path.join(dir, 'config-sample'), platform: answering(file), today });
  try {
    const r = await app.dispatch('workspace.createSample', {});
    if (!r.ok) throw new Error(r.error.message);
  } finally {
    app.close();
  }
  return file;
}

/** A synthetic workspace of `workloads` workloads across `clients` clients (deterministic for a seed). */
export async function generatedWorkspaceFile(dir: string, options: { workloads: number; clients: number; seed?: number; today?: string }): Promise<string> {
  const file = path.join(dir, `generated-${options.workloads}.offramp`);
  const app = createIpcApp({ configDir: path.join(dir, `config-${options.workloads}`), platform: answering(file), today: options.today });
  try {
    const r = await app.dispatch('workspace.create', {});
    if (!r.ok) throw new Error(r.error.message);
    const snapshot = snapshotSchema.parse(generatePortfolio({ workloads: options.workloads, clients: options.clients, seed: options.seed ?? 7, today: options.today }));
    fillWorkspace(app.ctx.workspace, 'generate a test portfolio', snapshot, { replacePolicy: true });
  } finally {
    app.close();
  }
  return file;
}
