// The general facts about a training file, in sentences: how many examples in which record shapes,
// the estimated size, the system prompts, the turns, and the lines that could not be read.

import type { MalformedLine } from './types.ts';
import type { RecordShape, TrainingFormat } from './parseExample.ts';
import { formatCount, listWords, percent, plural, quote, shareOf } from './text.ts';

export interface GeneralFacts {
  examples: number;
  formats: Record<TrainingFormat, number>;
  shapes: Record<RecordShape, number>;
  estimatedTokens: number;
  systemVariants: number;
  systemCapped: boolean;
  withoutSystem: number;
  topSystem: { text: string; examples: number }[];
  meanMessages: number;
  multiTurn: number;
  malformedTotal: number;
  malformed: MalformedLine[];
}

const SHAPE_NAMES: Record<RecordShape, [string, string]> = {
  chat: ['chat record (messages)', 'chat records (messages)'],
  prompt_completion: ['prompt/completion record', 'prompt/completion records'],
  prompt_response: ['prompt/response record', 'prompt/response records'],
  question_answer: ['{question, answer} record', '{question, answer} records'],
  instruction_output: ['{instruction, input, output} record', '{instruction, input, output} records'],
  sharegpt: ['ShareGPT conversation (from/value turns)', 'ShareGPT conversations (from/value turns)'],
  text_template: ['text record with “### …” sections', 'text records with “### …” sections'],
  chat_template: ['text record in a chat template ([INST], <|im_start|>…)', 'text records in a chat template ([INST], <|im_start|>…)'],
  input_output: ['input/output record', 'input/output records'],
  multi_input: ['record of several input fields and one short output field (a sentence pair and its label)', 'records of several input fields and one short output field (sentence pairs and their labels)'],
  translation: ['translation pair', 'translation pairs'],
  preference_pair: ['preference pair (preferred/non-preferred output)', 'preference pairs (preferred/non-preferred output)'],
  chosen_rejected: ['preference pair (chosen/rejected)', 'preference pairs (chosen/rejected)'],
};

/** What a record shape is called in sentences ("ShareGPT conversations (from/value turns)"). */
export function shapeName(shape: RecordShape, n = 2): string {
  return SHAPE_NAMES[shape][n === 1 ? 0 : 1];
}

export function generalEvidence(g: GeneralFacts): string[] {
  const out: string[] = [];
  const present = (Object.keys(g.shapes) as RecordShape[]).filter((s) => g.shapes[s] > 0).sort((a, b) => g.shapes[b] - g.shapes[a]);
  const tokens = `about ${formatCount(roundTokens(g.estimatedTokens))} tokens (estimated)`;
  if (g.examples === 0) out.push('No example could be read from the file.');
  else if (present.length === 1) out.push(`${plural(g.examples, 'example', 'examples')}, read as ${shapeName(present[0], g.examples)}, ${tokens}.`);
  else out.push(`${plural(g.examples, 'example', 'examples')}, read as ${listWords(present.map((s) => `${formatCount(g.shapes[s])} ${shapeName(s, g.shapes[s])}`))}, ${tokens}.`);
  if (g.examples > 0) {
    const withSystem = g.examples - g.withoutSystem;
    if (withSystem === 0) out.push('No example has a system prompt.');
    else if (g.systemVariants === 1 && g.withoutSystem === 0) out.push(`Every example uses the same system prompt: ${quote(g.topSystem[0].text, 120)}.`);
    else {
      const top = g.topSystem[0];
      out.push(
        `${shareOf(withSystem, g.examples)} examples have a system prompt, in ${formatCount(g.systemVariants)}${g.systemCapped ? '+' : ''} variant${g.systemVariants === 1 ? '' : 's'}; the most used one (${percent(top.examples, g.examples)} of examples) is ${quote(top.text, 120)}.`,
      );
    }
    if (g.multiTurn === 0) out.push('Every example is a single exchange: one user turn and its reply.');
    else out.push(`${shareOf(g.multiTurn, g.examples)} examples are conversations with more than one user turn (${g.meanMessages.toFixed(1)} messages on average).`);
  }
  if (g.malformedTotal > 0) {
    const listed = g.malformed.slice(0, 5).map((m) => String(m.line));
    const more = g.malformedTotal - listed.length;
    const which = more > 0 ? `${listed.join(', ')} and ${formatCount(more)} more` : listWords(listed);
    out.push(`${plural(g.malformedTotal, 'line', 'lines')} could not be read (line${g.malformedTotal === 1 ? '' : 's'} ${which}) and ${g.malformedTotal === 1 ? 'was' : 'were'} left out of the analysis.`);
  }
  return out;
}

function roundTokens(n: number): number {
  if (n < 1_000) return Math.round(n / 10) * 10;
  if (n < 100_000) return Math.round(n / 100) * 100;
  return Math.round(n / 10_000) * 10_000;
}
