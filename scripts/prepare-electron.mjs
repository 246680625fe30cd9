// Gets the app ready to run under Electron without touching node_modules (so `npm test` keeps using
// Node's ABI): fetches the Electron binary if missing, and builds better-sqlite3 for Electron's ABI
// into .electron-native/, which the main process loads through better-sqlite3's nativeBinding option.
// When a step fails it says what happened and what to do — never a raw stack trace — and that the tests and the CLI
// do not need Electron at all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIN_NODE = [22, 12];

/** The first line that says what went wrong, out of a tool's output (stack frames and blank lines dropped). */
export function firstReason(output) {
  const lines = String(output ?? '').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !/^\^+$/.test(l) && !l.startsWith('node:'));
  const line = lines.find((l) => /error|fail|refused|not found|timed? ?out|ENOTFOUND|ECONN|EAI_AGAIN|EACCES|ENOSPC|status code/i.test(l)) ?? lines[0] ?? 'no details were given';
  return line.length > 300 ? `${line.slice(0, 297)}…` : line;
}

export function nodeIsRecentEnough(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** What the user reads when a step fails: what happened, what to do, and what works without Electron. */
export function explainFailure(step, reason, env = process.env, nodeVersion = process.versions.node) {
  const advice = step === 'download'
    ? [
      'The first `npm start` downloads the Electron binary (about 100 MB, from GitHub) once; it needs network access for that.',
      env.ELECTRON_MIRROR
        ? `ELECTRON_MIRROR is set to ${env.ELECTRON_MIRROR}: check that it serves Electron releases (e.g. https://npmmirror.com/mirrors/electron/).`
        : 'Behind a proxy or without GitHub access, set ELECTRON_MIRROR to a mirror of Electron releases (e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/).',
      `Or place the downloaded zip in Electron's cache (${env.electron_config_cache ? `electron_config_cache=${env.electron_config_cache}` : 'set electron_config_cache, default ~/.cache/electron'}) and run npm start again.`,
    ]
    : [
      'better-sqlite3 is compiled for Electron once (about a minute): it needs a C/C++ toolchain (python3, make, a C++ compiler) or network access for a prebuilt binary.',
      'Remove .electron-native/ and run npm start again after fixing the cause.',
    ];
  if (!nodeIsRecentEnough(nodeVersion)) advice.unshift(`Use Node ${MIN_NODE.join('.')} or later: Electron's download and rebuild tools require it (this is Node ${nodeVersion}).`);
  return [
    '',
    `Offramp could not ${step === 'download' ? 'download Electron' : 'build better-sqlite3 for Electron'}.`,
    `  What happened: ${reason}`,
    '  What to do:',
    ...advice.map((a) => `    - ${a}`),
    '  Everything else works without Electron: `npm test` (typecheck, lint, unit, integration and end-to-end tests in',
    '  Chromium) and the command line (`npm run cli -- help`).',
    '',
  ].join('\n');
}

function fail(step, reason) {
  process.stderr.write(`${explainFailure(step, reason)}\n`);
  process.exit(1);
}

function download() {
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    fail('download', 'the electron package is not installed (run npm install first)');
  }
  // Piped, not inherited: electron's installer prints a raw stack trace on failure; only its reason is shown.
  const r = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8', env: process.env });
  if (r.error) fail('download', r.error.message);
  if (r.status !== 0) {
    const reason = firstReason(`${r.stderr}\n${r.stdout}`);
    fail('download', /fetch failed/i.test(reason) ? `${reason} (no answer from the download server: no network, a proxy in the way, or a mirror that is down)` : reason);
  }
}

async function rebuildNative() {
  const electronPkg = require('electron/package.json');
  const target = path.join(root, '.electron-native');
  const binary = path.join(target, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  const stampFile = path.join(target, 'electron-version');
  if (fs.existsSync(binary) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === electronPkg.version) {
    console.log(`better-sqlite3 for Electron ${electronPkg.version} is ready`);
    return;
  }
  console.log(`Building better-sqlite3 for Electron ${electronPkg.version} in .electron-native/ (once, about a minute)…`);
  try {
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.join(target, 'node_modules'), { recursive: true });
    fs.cpSync(path.join(root, 'node_modules', 'better-sqlite3'), path.join(target, 'node_modules', 'better-sqlite3'), { recursive: true });
    for (const dep of ['bindings', 'file-uri-to-path']) {
      const from = path.join(root, 'node_modules', dep);
      if (fs.existsSync(from)) fs.cpSync(from, path.join(target, 'node_modules', dep), { recursive: true });
    }
    fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify({ name: 'offramp-electron-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: target, electronVersion: electronPkg.version, onlyModules: ['better-sqlite3'], force: true });
    fs.writeFileSync(stampFile, electronPkg.version);
  } catch (e) {
    fs.rmSync(stampFile, { force: true });
    fail('rebuild', firstReason(e instanceof Error ? e.message : String(e)));
  }
  console.log('Done.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  download();
  await rebuildNative();
}
