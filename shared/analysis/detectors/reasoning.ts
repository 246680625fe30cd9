// Detector: worked answers that reason step by step to a final-answer marker ("#### 72",
// "The answer is 72", "\boxed{72}"). Numbers computed in the reply from numbers in the prompt are a
// procedure the model learned (behavior), not facts missing from the prompt.

import type { Example } from '../parseExample.ts';
import { MAX_REPLY_CHARS } from '../replyForm.ts';
import { bump, cite } from './cite.ts';

export interface ReasoningSignal {
  /** Free-text replies looked at. */
  replies: number;
  /** Replies that compute step by step (two or more calculations, or one and a final-answer marker). */
  worked: number;
  /** Replies that end with a final-answer marker, and the most common one ("#### <number>"). */
  marked: number;
  marker: string | null;
  /** Mean calculation steps in a worked reply. */
  meanSteps: number;
  /** Numbers in worked replies that the prompt gives or the reply computes, out of all their numbers. */
  numbers: { total: number; fromPrompt: number; computed: number };
  lines: number[];
}

const STEP = /\d[\d,.]*\s*[-+*/×x÷]\s*\$?\d[\d,.]*(?:\s*[-+*/×x÷]\s*\$?\d[\d,.]*)*\s*=\s*\$?-?\d|<<[^<>\n]{1,80}>>/g;
const FINAL =
  /(?:^|\n)[ \t]*(####[ \t]*\S+|(?:the )?(?:final )?answer(?: is)?[ \t]*[:：]?[ \t]*\$?-?[\d.,/]+|\\boxed\{[^}\n]{1,40}\}|therefore,? [^\n]{0,60}?\b-?\d[\d.,]*)[^\n]{0,20}\s*$/i;
/** FINAL for a text with no line break, where (?:^|\n) can only be the start (were FINAL to open otherwise, this is FINAL itself). */
const FINAL_AT_START = new RegExp(FINAL.source.replace(/^\(\?:\^\|\\n\)/, '^'), FINAL.flags);
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;
const COMPUTED = /(?:=|<<[^<>\n]*=)\s*\$?(-?\d[\d,]*(?:\.\d+)?)/g;

function markerShape(marker: string): string {
  const m = marker.trim();
  if (m.startsWith('####')) return `#### <${/\d/.test(m) ? 'number' : 'answer'}>`;
  if (m.startsWith('\\boxed')) return '\\boxed{<answer>}';
  if (/^therefore/i.test(m)) return 'Therefore, … <number>';
  return `${m.replace(/[\d.,/$-]+\s*$/, '').trim()} <number>`;
}

function plain(n: string): string {
  return n.replace(/,/g, '').replace(/\.0+$/, '');
}

export function createReasoningDetector() {
  let replies = 0;
  let worked = 0;
  let marked = 0;
  let steps = 0;
  const markers = new Map<string, number>();
  const numbers = { total: 0, fromPrompt: 0, computed: 0 };
  const lines: number[] = [];
  return {
    /** Returns whether the reply is a worked answer (its numbers then are not facts). */
    /** `promptOf` gives the prompt's text; it is only asked for when the reply is a worked answer. */
    observe(reply: string, promptOf: (ex: Example) => string, ex: Example, line: number): boolean {
      replies += 1;
      // No digit, no calculation: most replies leave here.
      if (!/\d/.test(reply)) return false;
      const text = reply.length > MAX_REPLY_CHARS ? reply.slice(-MAX_REPLY_CHARS) : reply;
      // Every calculation STEP finds has an '=' or a '<<': a reply with neither has none, without a scan by the expression.
      const n = text.includes('=') || text.includes('<<') ? (text.match(STEP)?.length ?? 0) : 0;
      const tail = text.length > 400 ? text.slice(-400) : text;
      // Without a line break the answer line can only open the text: the anchored form tries one position, not every one.
      const final = tail.includes('\n') ? FINAL.exec(tail) : FINAL_AT_START.exec(tail);
      if (final) {
        marked += 1;
        bump(markers, markerShape(final[1]), 100);
      }
      if (n < 2 && !(n >= 1 && final)) return false;
      worked += 1;
      steps += n;
      cite(lines, line);
      const prompt = promptOf(ex);
      const given = new Set((prompt.length > MAX_REPLY_CHARS ? prompt.slice(0, MAX_REPLY_CHARS) : prompt).match(NUMBER)?.map(plain) ?? []);
      const computed = new Set([...text.matchAll(COMPUTED)].map((m) => plain(m[1])));
      for (const raw of text.match(NUMBER) ?? []) {
        const v = plain(raw);
        numbers.total += 1;
        if (given.has(v)) numbers.fromPrompt += 1;
        else if (computed.has(v)) numbers.computed += 1;
      }
      return true;
    },
    finish(): ReasoningSignal {
      const top = [...markers.entries()].sort((a, b) => b[1] - a[1])[0];
      return { replies, worked, marked, marker: top ? top[0] : null, meanSteps: worked ? steps / worked : 0, numbers, lines };
    },
  };
}
