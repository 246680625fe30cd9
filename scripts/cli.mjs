#!/usr/bin/env node
// `offramp` / `npm run cli -- …`: runs the bundled CLI, rebuilding it first only when a source file changed.
// The bundle is compiled with V8's code cache from the previous run, so a start skips most of the parsing.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';
import { CLI_BUNDLE, CLI_CODE_CACHE, buildCli, cliBundleStale } from './cli-bundle.mjs';

if (cliBundleStale()) {
  try {
    await buildCli({ quiet: true });
  } catch (e) {
    // An installed package without esbuild still has the bundle `npm run build` made.
    if (!fs.existsSync(CLI_BUNDLE)) throw e;
  }
}

const source = fs.readFileSync(CLI_BUNDLE, 'utf8');
let cachedData;
try {
  cachedData = fs.readFileSync(CLI_CODE_CACHE);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: CLI_BUNDLE, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(CLI_BUNDLE), module, CLI_BUNDLE, path.dirname(CLI_BUNDLE));
if (cachedData === undefined || script.cachedDataRejected) {
  // After the run the cache also holds the functions the command compiled lazily; written once per build.
  process.once('beforeExit', () => {
    try {
      fs.writeFileSync(`${CLI_CODE_CACHE}.${process.pid}`, script.createCachedData());
      fs.renameSync(`${CLI_CODE_CACHE}.${process.pid}`, CLI_CODE_CACHE);
    } catch {
      // A read-only install runs without the cache.
    }
  });
}
