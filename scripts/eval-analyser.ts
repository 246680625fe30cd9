// `npm run eval:analyser [-- --corpus DIR]`: how often the training-data analyser names the expected
// top job on a labelled corpus (DIR/labels.txt). Without --corpus it measures the team's corpus, also
// looking in ../shared/fixtures/public and OFFRAMP_ANALYSER_CORPUS (default ../analyser-corpus).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateCorpus, formatReport } from './analyserCorpus.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function teamCorpusDirs(): { dir: string; extra: string[] } {
  return {
    dir: path.join(root, 'test/fixtures/analyser/corpus'),
    extra: [path.resolve(root, '../shared/fixtures/public'), path.resolve(root, process.env.OFFRAMP_ANALYSER_CORPUS ?? '../analyser-corpus')],
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const i = args.indexOf('--corpus');
  const { dir, extra } = i >= 0 && args[i + 1] ? { dir: path.resolve(args[i + 1]), extra: [] } : teamCorpusDirs();
  const report = await evaluateCorpus(dir, extra);
  console.log(formatReport(report));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
