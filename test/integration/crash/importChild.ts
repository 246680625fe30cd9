// Child process of the crash-safety test: opens a workspace (through the real IPC app), previews a
// large evaluation import, says "committing" on stdout, then commits it. The parent kills it with
// SIGKILL at a random moment. Arguments: workspace file, results CSV.
import path from 'node:path';
import { createIpcApp } from '../../../electron/ipc/app.ts';

const [file, csv] = process.argv.slice(2);
const answers = [file];
const answer = async () => answers.shift() ?? null;
const app = createIpcApp({ configDir: path.join(path.dirname(file), 'config'), today: '2026-11-25', platform: { chooseWorkspace: answer, chooseSavePath: answer, chooseOpenPath: answer } });

async function must(channel: string, payload: unknown): Promise<unknown> {
  const r = await app.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

await must('workspace.open', {});
const workloadId = (await must('workloads.list', {}) as { id: number }[])[0].id;
const preview = await must('imports.evaluations.preview', { file: app.ctx.files.register(csv), workloadId }) as { token: string };
process.stdout.write('committing\n');
await must('imports.evaluations.commit', { token: preview.token, workloadId, approaches: {} });
process.stdout.write('committed\n');
app.close();
