// Detector: replies that say what their prompt says in other words — a plain-language rewrite, a
// change of register, a translation. The model was taught a voice to rewrite into (style), and the
// content it writes comes from the prompt, so it is not counted as facts to remember. Word-level: sampled.

import { contentKeys, contentTokens, isQuestion } from '../text.ts';
import { cite } from './cite.ts';

export interface RewriteSignal {
  /** Free-text replies looked at, and those that rewrite their prompt. */
  replies: number;
  rewrites: number;
  /** Mean share of a rewrite's words taken from its prompt. */
  meanOverlap: number;
  lines: number[];
  /** Examples read as translation pairs, and their languages ("en → creole"). */
  translations: number;
  languages: string | null;
  translationLines: number[];
}

const MAX_CHARS = 4_000;

export function createRewriteDetector() {
  let replies = 0;
  let rewrites = 0;
  let overlapSum = 0;
  const lines: number[] = [];
  let translations = 0;
  let languages: string | null = null;
  const translationLines: number[] = [];
  return {
    /** Returns whether the reply rewrites its prompt. */
    observe(reply: string, lastUserTurn: string, line: number): boolean {
      replies += 1;
      if (lastUserTurn.length === 0) return false;
      const ratio = reply.length / lastUserTurn.length;
      // A question answered in a full sentence repeats the question's words; that is an answer, not a rewrite.
      if (ratio < 0.5 || ratio > 2 || reply.length < 40 || isQuestion(lastUserTurn.slice(0, 2_000))) return false;
      const prompt = new Set(contentKeys(lastUserTurn.slice(0, MAX_CHARS)));
      const words = contentTokens(reply.slice(0, MAX_CHARS));
      if (words.length < 5) return false;
      let kept = 0;
      for (const t of words) {
        if (prompt.has(t.key)) kept += 1;
        // A number the prompt does not give is a fact added, not wording changed.
        else if (/\d/.test(t.key)) return false;
      }
      const shared = kept / words.length;
      if (shared < 0.4 || shared > 0.9) return false;
      rewrites += 1;
      overlapSum += shared;
      cite(lines, line);
      return true;
    },
    observeTranslation(pair: string | null, line: number): void {
      translations += 1;
      languages ??= pair;
      cite(translationLines, line);
    },
    finish(): RewriteSignal {
      return { replies, rewrites, meanOverlap: rewrites ? overlapSum / rewrites : 0, lines, translations, languages, translationLines };
    },
  };
}
