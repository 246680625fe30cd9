// What one reply is, read from its text alone: a JSON value, code or a query, a short answer, or free text.

import { hasCjk } from './text.ts';

export type ReplyForm = 'json' | 'code' | 'short' | 'text';
export type CodeKind = 'sql' | 'regex' | 'fenced' | 'source';

export interface ReplyShape {
  form: ReplyForm;
  /** Top-level keys (sorted, NUL-joined) of a JSON object, '' for a JSON array. */
  jsonKeys?: string;
  /** Whether the JSON sat inside a ``` fence. */
  fenced?: boolean;
  codeKind?: CodeKind;
  /** The fence's language tag (```python), lower case, when there is one. */
  language?: string;
  words: number;
}

/** Replies are read on their first characters only: enough to tell their form, bounded on huge lines. */
export const MAX_REPLY_CHARS = 20_000;

const FENCE = /^\s*```([A-Za-z0-9_+-]*)[^\n]*\n([\s\S]*?)\n?```\s*$/;
const ANY_FENCE = /```([A-Za-z0-9_+-]*)/;
const SQL_START = /^\s*(?:select|with|insert|update|delete|create)\b/i;
const SQL = /^\s*(?:SELECT|WITH|INSERT\s+INTO|UPDATE|DELETE\s+FROM|CREATE\s+(?:TABLE|VIEW|INDEX))\b[\s\S]*\b(?:FROM|INTO|SET|AS|TABLE|VALUES)\b/i;
const REGEX_TOKEN = /\\[dDwWsSbB.()[\]{}|^$*+?\\/]|\[[^\]\s]{1,30}\]|\{\d+(?:,\d*)?\}|\(\?[:=!<]|[)\]][*+?]/g;

export function roughWordCount(text: string, cjk = hasCjk(text)): number {
  if (text.length === 0) return 0;
  if (cjk) return Math.max(1, Math.round(text.length / 2));
  let n = 1;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10) n += 1;
  return n;
}

/** Reads the form of a reply (already trimmed). Never throws. */
export function replyShape(raw: string): ReplyShape {
  const text = raw.length > MAX_REPLY_CHARS ? raw.slice(0, MAX_REPLY_CHARS) : raw;
  // Whether the text is in a script without spaces is read once, for the word count and the short-answer test.
  const cjk = hasCjk(text);
  const words = roughWordCount(text, cjk);
  const first = text[0];
  // Most replies are short prose or a label: skip the costlier checks that cannot match them.
  if (first !== '{' && first !== '[' && first !== '`' && text.length <= 60 && !text.includes('\\') && !text.includes('[') && !text.includes('```') && !/^\s*(?:select|with|insert|update|delete|create)\b/i.test(text)) {
    const short = cjk ? text.length <= 12 : words <= 6;
    return { form: short ? 'short' : 'text', words };
  }
  const fence = text.includes('```') ? FENCE.exec(text) : null;
  const body = fence ? fence[2].trim() : text;
  const keys = jsonKeys(body);
  if (keys !== undefined) return { form: 'json', jsonKeys: keys, fenced: fence !== null, words };
  if (fence) return { form: 'code', codeKind: SQL.test(body) ? 'sql' : 'fenced', language: fence[1].toLowerCase() || undefined, words };
  if (SQL_START.test(text) && SQL.test(text)) return { form: 'code', codeKind: 'sql', words };
  const anyFence = text.includes('```') ? ANY_FENCE.exec(text) : null;
  if (anyFence && text.indexOf('```', (anyFence.index ?? 0) + 3) > 0) return { form: 'code', codeKind: 'fenced', language: anyFence[1].toLowerCase() || undefined, words };
  if ((text.includes('\\') || text.includes('[')) && looksLikeRegex(text)) return { form: 'code', codeKind: 'regex', words };
  if (text.includes('\n') && looksLikeSource(text)) return { form: 'code', codeKind: 'source', words };
  const short = cjk ? text.length <= 12 : words <= 6 && text.length <= 60;
  return { form: short ? 'short' : 'text', words };
}

/** A single line dense in regular-expression syntax and nearly free of words. */
function looksLikeRegex(text: string): boolean {
  if (text.length < 4 || text.length > 2_000 || text.includes('\n')) return false;
  const tokens = text.match(REGEX_TOKEN)?.length ?? 0;
  const spaces = text.split(' ').length - 1;
  return tokens >= 2 && spaces <= Math.max(2, text.length / 12);
}

const SOURCE_LINE = /^\s*(?:def |class |import |from \S+ import |return\b|for .+ in .+:|while .+:|if .+:|elif .+:|else:|try:|except\b|function |const |let |var |public |private |#include|}\s*$|.*[;{]\s*$)/;

/** Unfenced source code: several lines, most of them statements of a programming language. */
function looksLikeSource(text: string): boolean {
  const lines = text.split('\n', 200).filter((l) => l.trim().length > 0);
  if (lines.length < 3) return false;
  const code = lines.filter((l) => SOURCE_LINE.test(l)).length;
  const indented = lines.filter((l) => /^(?: {2,}|\t)/.test(l)).length;
  return code >= lines.length * 0.3 && indented >= lines.length * 0.3;
}

/**
 * Top-level keys (sorted, NUL-joined) when the text is a JSON object, '' for a JSON array,
 * undefined when it is not JSON.
 */
export function jsonKeys(text: string): string | undefined {
  const first = text[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    const v: unknown = JSON.parse(text);
    if (Array.isArray(v)) return '';
    if (typeof v === 'object' && v !== null) return sortedKeys(Object.keys(v)).join('\u0000');
    return undefined;
  } catch {
    return undefined;
  }
}

/** The keys in the default sort's order (code units); a few keys are sorted in place without the sort's work arrays. */
function sortedKeys(keys: string[]): string[] {
  if (keys.length > 12) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    for (; j >= 0 && keys[j] > key; j--) keys[j + 1] = keys[j];
    keys[j + 1] = key;
  }
  return keys;
}
