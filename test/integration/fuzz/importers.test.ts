// Every importer under 500 generated files each (fixed seed): no internal error, every refusal names
// the file and a line or field, nothing written when an error is reported. `npm run fuzz` runs 10,000.
import { describe, expect, it } from 'vitest';
import { fuzzImporter } from './harness.ts';
import { IMPORTERS } from './importers.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

describe('importers under fuzzing', () => {
  it.each(IMPORTERS.map((i) => [i.name, i] as const))('%s: refuses clearly and writes nothing on error', async (_name, importer) => {
    const tally = await fuzzImporter(importer as Parameters<typeof fuzzImporter>[0], RUNS);
    expect(tally.cases).toBe(RUNS);
    // Both outcomes occur, so the generator reaches the code that writes and the code that refuses.
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 120_000);
});
