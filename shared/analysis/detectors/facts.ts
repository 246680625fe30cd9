// Detector: free-text replies that bring content and facts (numbers, names) the prompt does not give
// — what the model had to remember (knowledge). Replies read off an image, worked out from the
// prompt's numbers, or written as code are left out by the caller; replies that fill a template are
// counted apart so the scorer can leave them out when the template is real. Word-level: sampled.

import type { ContentToken } from '../text.ts';
import { contentTokens, isQuestion, isStopword } from '../text.ts';
import { bump, cite, Tally } from './cite.ts';

interface Counts {
  replies: number;
  novel: number;
  fact: number;
  /** Lines of replies stating facts, and of replies bringing new content. */
  lines: number[];
  novelLines: number[];
}

export interface FactSignal {
  /** Replies with no template marker, and replies with one. */
  plain: Counts;
  templated: Counts;
  topFacts: string[];
  userTurns: number;
  questions: number;
  /** One reply given to most prompts, which all ask about the same subject. */
  single: { reply: string; count: number; subject: string | null; lines: number[] } | null;
}

const MAX_FACTS = 5_000;

export function createFactDetector() {
  const plain: Counts = { replies: 0, novel: 0, fact: 0, lines: [], novelLines: [] };
  const templated: Counts = { replies: 0, novel: 0, fact: 0, lines: [], novelLines: [] };
  const facts = new Map<string, number>();
  const factDisplay = new Map<string, string>();
  let userTurns = 0;
  let questions = 0;
  const replies = new Map<string, number>();
  const replyLines = new Map<string, number[]>();
  const promptWords = new Tally<string>(20_000);
  let observed = 0;

  return {
    observeUser(text: string): void {
      userTurns += 1;
      if (isQuestion(text.slice(0, 2_000))) questions += 1;
    },
    observe(reply: string, prompt: ReadonlySet<string>, templatedReply: boolean, line: number): void {
      const c = templatedReply ? templated : plain;
      c.replies += 1;
      observed += 1;
      const tokens: ContentToken[] = contentTokens(reply.length > 4_000 ? reply.slice(0, 4_000) : reply);
      let novel = 0;
      let novelFact = false;
      for (const t of tokens) {
        if (prompt.has(t.key)) continue;
        novel += 1;
        if (t.fact) {
          novelFact = true;
          if (bump(facts, t.key, MAX_FACTS) && !factDisplay.has(t.key)) factDisplay.set(t.key, displayFact(reply, t.key));
        }
      }
      if (novel >= 3 && novel >= tokens.length / 2) {
        c.novel += 1;
        cite(c.novelLines, line);
      }
      if (novelFact) {
        c.fact += 1;
        cite(c.lines, line);
      }
      const key = reply.length > 200 ? reply.slice(0, 200) : reply;
      if (bump(replies, key, 50)) {
        let lines = replyLines.get(key);
        if (!lines) replyLines.set(key, (lines = []));
        cite(lines, line);
      }
      for (const w of prompt) promptWords.add(w);
    },
    finish(): FactSignal {
      const top = [...replies.entries()].sort((a, b) => b[1] - a[1])[0];
      let single: FactSignal['single'] = null;
      if (top && observed >= 5 && top[1] >= observed * 0.8) {
        const replyKeys = new Set(contentTokens(top[0]).map((t) => t.key));
        const subject = [...promptWords.entries()].filter(([w, n]) => n >= observed * 0.8 && !replyKeys.has(w)).sort((a, b) => b[1] - a[1])[0];
        single = { reply: top[0], count: top[1], subject: subject ? subject[0] : null, lines: replyLines.get(top[0]) ?? [] };
      }
      return {
        plain,
        templated,
        topFacts: [...facts.entries()]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 4)
          .map(([k]) => factDisplay.get(k) ?? k),
        userTurns,
        questions,
        single,
      };
    },
  };
}

/** The fact as written in the reply: a number keeps its currency and unit ("€39", "14 days", "12-month"). */
export function displayFact(text: string, key: string): string {
  const head = text.slice(0, 4_000);
  // A key of digits alone is found without compiling an expression for it: compiling a case-insensitive Unicode
  // expression per new fact was a third of the analysis of a file of prices and plan numbers.
  if (DIGITS.test(key)) return displayNumber(head, key);
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`([€$£¥]?)(?<![\\p{L}\\p{N}])(${escaped})(?:'s)?(%|-[\\p{L}]+|\\s+[\\p{L}]{2,})?`, 'iu').exec(head);
  if (!m) return key;
  if (!/\p{N}/u.test(key)) return m[2];
  const unit = m[3] ?? '';
  const unitWord = unit.trim().toLowerCase();
  return m[1] + m[2] + (unit === '%' || unit.startsWith('-') || (unitWord && !isStopword(unitWord)) ? unit : '');
}

const DIGITS = /^[0-9]+$/;
const CURRENCIES = '€$£¥';
/** At a position: no letter or digit just before it (the expression's lookbehind, same flags). */
const NOT_AFTER_WORD = /(?<![\p{L}\p{N}])/iuy;
/** At a position: the expression's tail after the key (all optional, so it always matches). */
const FACT_TAIL = /(?:'s)?(%|-[\p{L}]+|\s+[\p{L}]{2,})?/iuy;

/**
 * displayFact for a key of ASCII digits, answer for answer: digits fold to nothing else under the expression's
 * case rules, so its leftmost match is the first occurrence of the key not preceded by a letter or digit, with the
 * currency sign just before it when there is one (the expression tries that start first), and the same tail.
 */
function displayNumber(text: string, key: string): string {
  for (let at = text.indexOf(key); at !== -1; at = text.indexOf(key, at + 1)) {
    NOT_AFTER_WORD.lastIndex = at;
    if (!NOT_AFTER_WORD.test(text)) continue;
    const currency = at > 0 && CURRENCIES.includes(text[at - 1]) ? text[at - 1] : '';
    FACT_TAIL.lastIndex = at + key.length;
    const unit = FACT_TAIL.exec(text)?.[1] ?? '';
    const unitWord = unit.trim().toLowerCase();
    return currency + key + (unit === '%' || unit.startsWith('-') || (unitWord && !isStopword(unitWord)) ? unit : '');
  }
  return key;
}
