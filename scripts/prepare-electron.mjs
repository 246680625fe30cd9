// Gets the app ready to run under Electron without touching node_modules (so `npm test` keeps using
// Node's ABI): fetches the Electron binary if missing, and builds better-sqlite3 for Electron's ABI
// into .electron-native/, which the main process loads through better-sqlite3's nativeBinding option.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const electronPkg = require('electron/package.json');
const target = path.join(root, '.electron-native');
const binary = path.join(target, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const stampFile = path.join(target, 'electron-version');

execFileSync(process.execPath, [require.resolve('electron/install.js')], { stdio: 'inherit' });

if (fs.existsSync(binary) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === electronPkg.version) {
  console.log(`better-sqlite3 for Electron ${electronPkg.version} is ready`);
} else {
  console.log(`Building better-sqlite3 for Electron ${electronPkg.version} in .electron-native/ (once, about a minute)…`);
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
  console.log('Done.');
}
