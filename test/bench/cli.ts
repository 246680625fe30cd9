// The command line as a user starts it: `offramp plan` on the sample workspace (wall, and CPU beside `node -e 0`),
// `npm run cli -- plan` against npm's own start (`npm -v`), and the same 1,000-workload network planned by the CLI
// and by TaskJuggler (tj3), reported as the ratio. Export for run.ts: benchCli().
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './engine.ts';
import { figure, repeat, type Sample } from './harness.ts';
import { BENCH_DIR, BENCH_TODAY } from './workspaces.ts';
import { portfolioToTjp } from './taskjuggler.ts';
import { WorkspaceService } from '../../electron/workspace/service.ts';
import { loadPortfolio } from '../../electron/services/portfolio.ts';
import { getPolicy } from '../../electron/db/policy.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(root, 'scripts/cli.mjs');
const TIME = '/usr/bin/time';

/** Runs a command to completion: wall from /usr/bin/time when present (with the children's CPU), else from here. */
function run(command: string, args: string[], cwd = root): Sample {
  if (fs.existsSync(TIME)) {
    const r = spawnSync(TIME, ['-f', '@@%e %U %S', command, ...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
    const m = /@@([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
    return { wallMs: Number(m[1]) * 1000, cpuMs: (Number(m[2]) + Number(m[3])) * 1000 };
  }
  const start = performance.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr.slice(-500)}`);
  return { wallMs: performance.now() - start };
}

function workspaceFor(name: string, args: string[]): string {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  const file = path.join(BENCH_DIR, name);
  if (!fs.existsSync(file)) run(process.execPath, [CLI, ...args, '--db', file]);
  return file;
}

export async function benchCli(): Promise<BenchResult[]> {
  // The bundle is rebuilt when stale: do it now, outside the measured runs.
  run(process.execPath, [CLI, 'help']);
  const sample = workspaceFor('sample.offramp', ['sample', '--today', BENCH_TODAY]);
  const planArgs = ['plan', '--db', sample, '--today', BENCH_TODAY];

  const nodeFloor = await repeat(() => run(process.execPath, ['-e', '0']), 1);
  const plan = await repeat(() => run(process.execPath, [CLI, ...planArgs]), 1);
  const npmV = await repeat(() => run('npm', ['-v']), 1);
  const npmPlan = await repeat(() => run('npm', ['run', '-s', 'cli', '--', ...planArgs]), 1);
  const results = [
    figure({ name: 'CLI: `offramp plan` on the sample workspace, whole process', samples: plan, target: '≤ 300 ms', limit: 300,
      floor: { name: 'node -e 0', samples: nodeFloor } }),
    figure({ name: 'CLI: `npm run cli -- plan`, CPU against `npm -v`', samples: npmPlan, ratioOf: 'cpu',
      floor: { name: 'npm -v', samples: npmV }, ratioTarget: { text: '≤ 3×', max: 3 }, note: 'ratio of CPU (user+sys)' }),
  ];

  if (!fs.existsSync('/usr/bin/tj3') && spawnSync('tj3', ['--version']).status !== 0) {
    results.push({ name: 'CLI vs TaskJuggler: tj3 not installed (apt-get install -y tj3)', value: 0, unit: '' });
    return results;
  }
  // The same network for both: a 1,000-workload workspace and its .tjp (no team capacity: with 25 interchangeable
  // slots to level, tj3 did not finish within 10 minutes on the 2-core machine).
  const network = workspaceFor('network-1000-free.offramp', ['generate', '--clients', '20', '--workloads', '1000', '--seed', '7']);
  const tjp = path.join(BENCH_DIR, 'network-1000-free.tjp');
  if (!fs.existsSync(tjp)) {
    const ws = new WorkspaceService({ actor: () => 'bench' });
    ws.open(network);
    try {
      fs.writeFileSync(tjp, portfolioToTjp(loadPortfolio(ws.database(), BENCH_TODAY).portfolio, getPolicy(ws.database())));
    } finally {
      ws.close();
    }
  }
  const out = fs.mkdtempSync(path.join(BENCH_DIR, 'tj3-'));
  const ours = await repeat(() => run(process.execPath, [CLI, 'plan', '--db', network, '--today', BENCH_TODAY]), 1);
  // One run: TaskJuggler takes minutes, and its run-to-run spread is small next to a 50× ratio.
  const theirs = [run('timeout', ['900', 'tj3', '--silent', '--no-color', '-o', out, tjp], out)];
  fs.rmSync(out, { recursive: true, force: true });
  const speedup = figure({ name: 'TaskJuggler (tj3) scheduling the same 1,000-workload network', samples: theirs, unit: 's',
    floor: { name: '`offramp plan` on it', samples: ours }, ratioTarget: { text: '≥ 50×', min: 50 }, note: 'ratio = tj3 / offramp' });
  results.push(figure({ name: 'CLI: `offramp plan` on a 1,000-workload network', samples: ours }), speedup);
  return results;
}
