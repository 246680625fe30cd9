// Analyses a training-data JSONL file: streams it through the pure analyser in shared/.

import { basename } from 'node:path';
import { createTrainingAnalyser } from '../../shared/analysis/index.ts';
import type { TrainingAnalyserOptions, TrainingAnalysis } from '../../shared/analysis/index.ts';
import { OfframpError } from '../../shared/errors.ts';
import { formatBytes, readLines } from './readLines.ts';
import type { ReadLinesOptions } from './readLines.ts';

export interface AnalyseTrainingFileOptions extends ReadLinesOptions {
  analyser?: TrainingAnalyserOptions;
}

/**
 * Reads the whole file and returns its analysis. Malformed lines are listed in the analysis, not
 * thrown; the import is refused (OfframpError import_invalid) only when the file is empty, binary,
 * or has no readable example at all, naming the first problem.
 */
export async function analyseTrainingFile(file: string, options: AnalyseTrainingFileOptions = {}): Promise<TrainingAnalysis> {
  const name = basename(file);
  const maxLine = options.maxLineBytes;
  const analyser = createTrainingAnalyser(options.analyser);
  await readLines(
    file,
    {
      onLine: (text, lineNo) => analyser.addLine(text, lineNo),
      onTooLong: (lineNo, bytes) =>
        analyser.addMalformedLine(
          lineNo,
          `Line ${lineNo} is ${formatBytes(bytes)} long, more than the ${formatBytes(maxLine ?? 64 * 1024 * 1024)} a training example may have; it was skipped. Split it or remove it.`,
        ),
    },
    options,
  );
  const analysis = analyser.finish();
  if (analysis.lines === 0) {
    throw new OfframpError({ code: 'import_invalid', message: `${name} is empty; choose a JSON Lines file with one training example per line.`, file, line: 1 });
  }
  if (analysis.examples === 0) {
    const firstProblem = analysis.malformed.lines[0];
    throw new OfframpError({
      code: 'import_invalid',
      message: `${name} has no readable training example (${analysis.malformed.total} of ${analysis.lines} lines are malformed). First problem: ${firstProblem?.message ?? 'unknown'}`,
      file,
      line: firstProblem?.line,
      field: firstProblem?.field,
    });
  }
  return analysis;
}
