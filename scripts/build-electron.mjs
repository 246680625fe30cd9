// Bundles the main process and the preload into dist-electron/ (CommonJS: a sandboxed preload must be), and the
// command line (`offramp`, `npm run cli`) into dist-electron/cli/offramp.mjs: one file starts far faster than tsx.
import { build } from 'esbuild';
import { buildCli } from './cli-bundle.mjs';

const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, external: ['electron', 'better-sqlite3'], logLevel: 'info' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' });
await buildCli();
