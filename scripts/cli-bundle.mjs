// Builds the CLI bundle and says whether it is stale: the bundle records the source files it was made from
// (esbuild's metafile), so checking costs one stat per input instead of a rebuild.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = path.join(root, 'dist-electron/cli/offramp.cjs');
/** V8's compiled code for the bundle, written after a run and reused by the next start (see scripts/cli.mjs). */
export const CLI_CODE_CACHE = path.join(root, 'dist-electron/cli/offramp.code-cache');
const INPUTS = path.join(root, 'dist-electron/cli/inputs.json');

/** true when the bundle is missing or any file it was built from (or this builder) changed since. */
export function cliBundleStale() {
  let built;
  try {
    built = fs.statSync(CLI_BUNDLE).mtimeMs;
  } catch {
    return true;
  }
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
  } catch {
    return true;
  }
  for (const file of [...inputs, 'scripts/cli-bundle.mjs', 'package.json']) {
    try {
      if (fs.statSync(path.join(root, file)).mtimeMs > built) return true;
    } catch {
      return true; // an input was deleted or renamed
    }
  }
  return false;
}

export async function buildCli({ quiet = false } = {}) {
  const { build } = await import('esbuild');
  // Built beside and renamed into place, so a CLI started meanwhile (tests run in parallel) never reads half a file.
  const tmp = `${CLI_BUNDLE}.${process.pid}.tmp`;
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/cli/main.ts'],
    outfile: tmp,
    // CommonJS so the launcher can compile it through vm.Script with V8's code cache (Node 20 has no module compile cache).
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', metafile: true, minifyWhitespace: true, minifySyntax: true,
    define: { 'import.meta.url': '__offrampModuleUrl' },
    // import() of an external (Chromium's driver, pdf-lib) becomes require(): a vm.Script has no module loader.
    supported: { 'dynamic-import': false },
    // Native and heavy packages stay outside: better-sqlite3 loads its .node file, Chromium's driver loads only for PDFs.
    external: ['electron', 'better-sqlite3', 'playwright-core'],
    // Modules that find files beside themselves (import.meta.url) get the bundle's own location.
    banner: { js: "const __offrampModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: quiet ? 'error' : 'info',
  });
  const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
  fs.writeFileSync(INPUTS, JSON.stringify(inputs));
  fs.renameSync(tmp, CLI_BUNDLE);
  fs.rmSync(CLI_CODE_CACHE, { force: true });
}
