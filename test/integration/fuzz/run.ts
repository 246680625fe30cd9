// npm run fuzz: every importer under 10,000 generated files (FUZZ_RUNS to change, FUZZ_SEED for another
// sequence), then one line of totals per importer. Exits 1 when any importer fails a property.
import { fuzzImporter, type FuzzTally } from './harness.ts';
import { IMPORTERS } from './importers.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const only = process.argv.slice(2).map((a) => a.toLowerCase());

const lines: string[] = [];
let failed = 0;
let total = 0;
for (const importer of IMPORTERS) {
  if (only.length > 0 && !only.some((o) => importer.name.toLowerCase().includes(o))) continue;
  const started = process.hrtime.bigint();
  process.stdout.write(`fuzzing ${importer.name} (${runs.toLocaleString('en-US')} cases, seed ${seed})…\n`);
  let tally: FuzzTally;
  let verdict = 'ok';
  try {
    tally = await fuzzImporter(importer as Parameters<typeof fuzzImporter>[0], runs, seed);
  } catch (e) {
    failed += 1;
    verdict = 'FAILED';
    tally = { importer: importer.name, cases: 0, accepted: 0, refused: 0 };
    const cause = e instanceof Error && e.cause instanceof Error ? `\n${e.cause.message}` : "";
    process.stdout.write(`${e instanceof Error ? e.message : String(e)}${cause}\n`);
  }
  total += tally.cases;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  lines.push(`  ${importer.name.padEnd(20)} ${String(tally.cases).padStart(7)} cases ${String(tally.accepted).padStart(7)} accepted ${String(tally.refused).padStart(7)} refused ${seconds.toFixed(1).padStart(7)} s  ${verdict}`);
}
process.stdout.write(`\n${lines.join('\n')}\n  ${'total'.padEnd(20)} ${String(total).padStart(7)} cases, ${failed} importer${failed === 1 ? '' : 's'} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
