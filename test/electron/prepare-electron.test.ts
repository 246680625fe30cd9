// `npm start`'s preparation step fails in words, not with a stack trace: what happened, what to do (network for the
// first run, Node 22.12+, ELECTRON_MIRROR or the cache), and that the tests and the CLI work without Electron.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.ts';
import { tempDir } from '../support/tmp.ts';
// @ts-expect-error -- a plain .mjs script without type declarations
import { explainFailure, firstReason } from '../../scripts/prepare-electron.mjs';

const electronInstalled = fs.existsSync(path.join(repoRoot, 'node_modules/electron/path.txt'));

describe('npm start when Electron cannot be fetched or built', () => {
  it.skipIf(electronInstalled)('explains a failed download without a stack trace', () => {
    if (electronInstalled) console.log('[skip] the Electron binary is already installed here, so there is no download to fail');
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/prepare-electron.mjs')], {
      cwd: repoRoot, encoding: 'utf8',
      // A mirror that refuses connections and an empty cache: the download fails at once, as offline.
      env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:1/', electron_config_cache: tempDir() },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Offramp could not download Electron\./);
    expect(r.stderr).toMatch(/What happened: .+/);
    expect(r.stderr).toMatch(/network access/);
    expect(r.stderr).toMatch(/ELECTRON_MIRROR/);
    expect(r.stderr).toMatch(/electron_config_cache/);
    expect(r.stderr).toMatch(/`npm test`.*\n.*`npm run cli -- help`/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('asks for Node 22.12+ only on an older Node, and explains a failed rebuild', () => {
    const old = explainFailure('rebuild', 'gyp ERR! find Python', {}, '20.19.0') as string;
    expect(old).toMatch(/Offramp could not build better-sqlite3 for Electron/);
    expect(old).toMatch(/Use Node 22\.12 or later.*Node 20\.19\.0/);
    expect(old).toMatch(/C\/C\+\+ toolchain/);
    expect(old).toMatch(/Remove \.electron-native\//);
    expect(explainFailure('download', 'x', {}, '22.12.0')).not.toMatch(/Use Node 22\.12/);
  });

  it('keeps the reason and drops the stack frames of a tool\'s output', () => {
    const output = 'RequestError: getaddrinfo ENOTFOUND github.com\n    at ClientRequest.<anonymous> (/x/got.js:1:1)\n    at emit (node:events:1:1)';
    expect(firstReason(output)).toBe('RequestError: getaddrinfo ENOTFOUND github.com');
  });
});
