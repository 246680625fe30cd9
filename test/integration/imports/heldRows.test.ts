// Undone import rows wait in a temp-schema store of the connection for redo, and go once no undo or redo step can
// need them any more. Run in a child process with --expose-gc, so that the collector can be asked to run.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/cli.ts';

describe('rows held for undo and redo of an import', () => {
  it('are kept in a store while the import is undone, put back on redo, and dropped once nothing can redo it', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(repoRoot, 'test/integration/imports/heldRowsChild.ts')], { cwd: repoRoot, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').at(-1) as string)).toEqual({
      imported: { stores: 0, rows: 500 },
      undone: { stores: 1, rows: 0 },
      redone: { stores: 0, rows: 500 },
      undoneAgain: { stores: 1, rows: 0 },
      forgotten: { stores: 0, rows: 0 },
    });
  });
});
