// Detector: a label set read from the replies themselves — few distinct short replies, or a leading
// decision field ("Rating: 2") — never from words in the system prompt (a column definition is not a
// label). Also a single answer repeated to paraphrased questions (a taught fact) and refusals.

import { isRefusal } from '../text.ts';
import type { ReplyShape } from '../replyForm.ts';
import { bump, cite, Tally } from './cite.ts';

export interface LabelSignal {
  /** Text and short replies (the ones that can be a label). */
  replies: number;
  meanChars: number;
  meanWords: number;
  /** Distinct replies, most used first, with a line where each appears (tracked up to a cap). */
  distinct: { reply: string; count: number; line: number }[];
  distinctTotal: number;
  distinctCapped: boolean;
  /** Replies equal to at least one other reply. */
  repeated: number;
  /** A field that opens most replies and takes few values ("Rating: 2"). */
  decision: { field: string; values: { value: string; count: number }[]; replies: number; lines: number[] } | null;
  refusals: number;
  refusalLines: number[];
  textReplies: number;
}

const DECISION = /^\s*(?:\*\*)?([\p{L}][\p{L} ]{0,24}?)(?:\*\*)?\s*[:=]\s*\**\s*(-?\d+(?:\.\d+)?|[\p{L}]+)/u;
const MAX_FIELDS = 200;

export function createLabelDetector(maxDistinct: number) {
  let replies = 0;
  let chars = 0;
  let words = 0;
  let textReplies = 0;
  let refusals = 0;
  const refusalLines: number[] = [];
  const distinct = new Tally<string>(maxDistinct);
  /** The line each distinct reply first appears on, by its slot in `distinct`. */
  const firstLines: number[] = [];
  let capped = false;
  const fields = new Map<string, Map<string, number>>();
  const fieldCounts = new Map<string, number>();
  const fieldLines = new Map<string, number[]>();
  return {
    observe(text: string, shape: ReplyShape, line: number): void {
      replies += 1;
      chars += text.length;
      words += shape.words;
      if (shape.form === 'text' || shape.form === 'short') {
        textReplies += 1;
        if (isRefusal(text)) {
          refusals += 1;
          cite(refusalLines, line);
        }
      }
      const key = text.length > 300 ? `${text.slice(0, 300)}…${text.length}` : text;
      const slot = distinct.add(key);
      if (slot < 0) capped = true;
      else if (distinct.countAt(slot) === 1) firstLines[slot] = line;
      const head = shape.form === 'text' ? text.slice(0, 80) : '';
      const d = head.includes(':') || head.includes('=') ? DECISION.exec(head) : null;
      if (d && d[1].split(' ').length <= 3) {
        const field = d[1].trim().toLowerCase();
        if (bump(fieldCounts, field, MAX_FIELDS)) {
          let values = fields.get(field);
          if (!values) fields.set(field, (values = new Map()));
          bump(values, d[2].toLowerCase(), 50);
          let lines = fieldLines.get(field);
          if (!lines) fieldLines.set(field, (lines = []));
          cite(lines, line);
        }
      }
    },
    finish(): LabelSignal {
      const sorted = [...distinct.entries()].sort((a, b) => b[1] - a[1]);
      const topField = [...fieldCounts.entries()].sort((a, b) => b[1] - a[1])[0];
      let decision: LabelSignal['decision'] = null;
      if (topField) {
        const values = [...(fields.get(topField[0]) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
        if (values.length >= 2 && values.length <= 8) {
          decision = { field: topField[0], values: values.map(([value, count]) => ({ value, count })), replies: topField[1], lines: fieldLines.get(topField[0]) ?? [] };
        }
      }
      return {
        replies,
        meanChars: replies ? chars / replies : 0,
        meanWords: replies ? words / replies : 0,
        distinct: sorted.slice(0, 60).map(([reply, count, slot]) => ({ reply, count, line: firstLines[slot] ?? 0 })),
        distinctTotal: distinct.size,
        repeated: sorted.reduce((sum, [, n]) => sum + (n >= 2 ? n : 0), 0),
        distinctCapped: capped,
        decision,
        refusals,
        refusalLines,
        textReplies,
      };
    },
  };
}
