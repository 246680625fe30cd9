// A temp folder for the files one test file writes on the fly, removed once its tests are done.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll } from 'vitest';
import { tempDir } from './tmp.ts';

export interface ScratchFolder {
  dir: string;
  /** Writes `content` to `name` in the folder and returns the file's full path. */
  write(name: string, content: string | Buffer): string;
}

/** Call at the top level of a test file: the folder is removed after all its tests. */
export function scratchFolder(prefix: string): ScratchFolder {
  const dir = tempDir(prefix);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
  };
}
