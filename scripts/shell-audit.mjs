// Runs @doyensec/electronegativity over electron/ (the main process, preload and shell) and compares its findings with
// build/electronegativity-allow.json, where every accepted finding carries its reason. Exits 1 on a finding nobody
// explained, or on an allow-list entry that no longer matches anything (so the list cannot rot).
// Offline and quick: the tool's two network look-ups (translations, Electron's release list) are answered "unavailable"
// at once instead of timing out, and the Electron version is the one package.json pins.
//   node scripts/shell-audit.mjs [--json]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const toolRequire = createRequire(path.join(toolDir, 'dist', 'locales', 'i18n.js'));

// The tool fetches with `got`; offline, every fetch fails at once and the tool carries on with its bundled data.
const gotPath = toolRequire.resolve('got');
const offline = Object.assign(() => Promise.reject(new Error('offline')), { head: () => Promise.reject(new Error('offline')) });
require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline, children: [], paths: [] };

const run = toolRequire('../runner.js');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies.electron).replace(/^[^\d]*/, '');
const allow = JSON.parse(fs.readFileSync(path.join(root, 'build', 'electronegativity-allow.json'), 'utf8'));

/** The findings of one run: check id, file (relative to electron/) and line. */
export async function audit() {
  const input = path.join(root, 'electron');
  const result = await run({
    input, output: undefined, isSarif: false, customScan: [], excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: undefined, confidenceSet: undefined, isRelative: true, isVerbose: false, electronUpgrade: undefined,
    electronVersionOverride: electronVersion, parserPlugins: [],
  }, false);
  const findings = result.issues.map((i) => ({
    check: i.id, file: i.file === 'N/A' ? 'N/A' : path.relative(input, path.resolve(input, i.file)), line: i.location?.line ?? 0,
  }));
  const matches = (entry, f) => entry.check === f.check && entry.file === f.file;
  const unexplained = findings.filter((f) => !allow.accepted.some((entry) => matches(entry, f)));
  const stale = allow.accepted.filter((entry) => !findings.some((f) => matches(entry, f)));
  const reasonless = allow.accepted.filter((entry) => typeof entry.reason !== 'string' || entry.reason.trim().length < 20);
  return { findings, unexplained, stale, reasonless };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await audit();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(r)}\n`);
  } else {
    for (const f of r.unexplained) console.log(`unexplained: ${f.check} in electron/${f.file}:${f.line} — fix it, or add it with a reason to build/electronegativity-allow.json`);
    for (const e of r.stale) console.log(`stale allow-list entry: ${e.check} in electron/${e.file} no longer found — remove it`);
    for (const e of r.reasonless) console.log(`allow-list entry without a reason: ${e.check} in electron/${e.file}`);
    console.log(`electronegativity: ${r.findings.length} findings, ${r.findings.length - r.unexplained.length} explained, ${r.unexplained.length} unexplained`);
  }
  process.exitCode = r.unexplained.length || r.stale.length || r.reasonless.length ? 1 : 0;
}
