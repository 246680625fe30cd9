// The real public files in ../shared/fixtures/public (present in CI); tests that need them skip with a reason elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './cli.ts';

export const PUBLIC_FIXTURES = path.resolve(repoRoot, '../shared/fixtures/public');
export const havePublicFixtures = fs.existsSync(PUBLIC_FIXTURES);

export function publicFixture(name: string): string {
  return path.join(PUBLIC_FIXTURES, name);
}

export function reportMissingFixtures(what: string): void {
  if (!havePublicFixtures) console.log(`[skip] ${what}: ${PUBLIC_FIXTURES} is not here (it is in CI).`);
}
