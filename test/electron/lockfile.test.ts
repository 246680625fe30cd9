// `npm install` on a fresh clone must leave package-lock.json as it is: npm rewrites the lock's root entry whenever it
// differs from package.json (a dependency's range, the bin, engines), so the two are compared here, offline.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli.ts';

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, unknown>;

describe('package-lock.json', () => {
  it('records exactly what package.json declares, so npm install has nothing to rewrite', () => {
    const pkg = read('package.json');
    const lock = read('package-lock.json') as { name: string; version: string; packages: Record<string, Record<string, unknown>> };
    const root = lock.packages[''];
    expect({ name: lock.name, version: lock.version }).toEqual({ name: pkg.name, version: pkg.version });
    for (const field of ['name', 'version', 'license', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies', 'bin', 'engines']) {
      expect(root[field], `lock root "${field}"`).toEqual(pkg[field]);
    }
  });

  it('locks every declared dependency at a version its range accepts (electron pinned exactly)', () => {
    const pkg = read('package.json') as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const lock = read('package-lock.json') as { packages: Record<string, { version?: string }> };
    for (const [name, range] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      const locked = lock.packages[`node_modules/${name}`]?.version;
      expect(locked, name).toBeDefined();
      if (/^\d+\.\d+\.\d+$/.test(range)) expect(locked, name).toBe(range);
      else if (range.startsWith('^')) expect(locked?.split('.')[0], name).toBe(range.slice(1).split('.')[0]);
    }
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
