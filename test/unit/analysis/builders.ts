// Small builders of training lines for the analyser's tests.
import { createTrainingAnalyser } from '../../../shared/analysis/index.ts';
import type { TrainingAnalysis } from '../../../shared/analysis/index.ts';

type Msg = { role: string; content?: unknown };

export function chatLine(user: string, assistant: string, system?: string): string {
  const messages: Msg[] = [];
  if (system !== undefined) messages.push({ role: 'system', content: system });
  messages.push({ role: 'user', content: user }, { role: 'assistant', content: assistant });
  return JSON.stringify({ messages });
}

export function imageLine(question: string, answer: string, url = 'https://example.org/chart.png'): string {
  return JSON.stringify({
    messages: [
      { role: 'user', content: [{ type: 'text', text: question }, { type: 'image_url', image_url: { url } }] },
      { role: 'assistant', content: answer },
    ],
  });
}

export function analyse(lines: string[]): TrainingAnalysis {
  const a = createTrainingAnalyser();
  lines.forEach((l, i) => a.addLine(l, i + 1));
  return a.finish();
}

/** Line numbers an evidence sentence cites: "(lines 2, 5 and 9)" → [2, 5, 9]. */
export function citedLines(sentence: string): number[] {
  const m = /\((?:line|lines) ([\d, and]+)\)/.exec(sentence);
  return m ? m[1].split(/, | and /).map(Number) : [];
}
