// Samples a held-out evaluation set from a training file as it streams by: a reservoir of N examples
// chosen reproducibly by seed (the same file, N and seed give the same cases), each kept as the task
// the fine-tuned model was trained on — its system prompt, last user turn, earlier turns, an image
// when the prompt carries one — and the reply it learned (the preferred one for a pair).

import { isProblem, parseExample } from '../analysis/parseExample.ts';
import type { Example } from '../analysis/parseExample.ts';

export interface EvalToolCall {
  name: string;
  arguments: unknown;
}

export interface EvalCase {
  /** Line of the training file the case comes from. */
  line: number;
  system: string;
  /** The last user turn: what the candidate answers. */
  prompt: string;
  /** Earlier turns and tool results, as a transcript ('' for a single exchange). */
  context: string;
  imageUrl: string | null;
  /** The reply the fine-tuned model learned (the preferred one of a pair). */
  expected: string;
  toolCalls: EvalToolCall[];
  /** The rejected reply of a preference pair. */
  rejected: string | null;
}

export interface EvalSample {
  cases: EvalCase[];
  /** Readable examples seen, lines skipped as unreadable, and preference pairs among the examples. */
  examples: number;
  skipped: number;
  pairs: number;
  n: number;
  seed: number;
}

/** Texts are kept on their first characters: an evaluation prompt has no use for megabytes. */
const MAX_CHARS = 20_000;

/** mulberry32: a small seeded generator, so a seed names one sample on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createEvalSetSampler(options: { n: number; seed: number }) {
  const { n, seed } = options;
  const random = seededRandom(seed);
  const kept: EvalCase[] = [];
  let examples = 0;
  let skipped = 0;
  let pairs = 0;

  return {
    /** One line of the training file (1-based line number). Never throws. */
    addLine(text: string, lineNo: number): void {
      if (text.trim().length === 0) return;
      let value: unknown;
      let ex: Example;
      try {
        value = JSON.parse(text);
        const parsed = parseExample(value);
        if (isProblem(parsed)) {
          skipped += 1;
          return;
        }
        ex = parsed;
      } catch {
        skipped += 1;
        return;
      }
      examples += 1;
      if (ex.format === 'preference') pairs += 1;
      // Reservoir sampling: the k-th example replaces a kept one with probability n/k.
      const slot = kept.length < n ? kept.length : Math.floor(random() * examples);
      if (slot < n) kept[slot] = toCase(ex, value, lineNo);
    },
    finish(): EvalSample {
      return { cases: [...kept].sort((a, b) => a.line - b.line), examples, skipped, pairs, n, seed };
    },
  };
}

function cap(text: string): string {
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
}

function toCase(ex: Example, raw: unknown, line: number): EvalCase {
  const reply = ex.replies[ex.replies.length - 1];
  const earlier = [
    ...ex.user.slice(0, -1).map((u) => `User: ${u}`),
    ...ex.replies.slice(0, -1).map((r) => `Assistant: ${r.text}`),
    ...ex.context.map((c) => `Context: ${c}`),
  ];
  const calls = toolCallsOf(raw);
  return {
    line,
    system: cap(ex.system.join('\n\n')),
    prompt: cap(ex.user[ex.user.length - 1] ?? ''),
    context: cap(earlier.join('\n')),
    imageUrl: ex.images > 0 ? imageUrlOf(raw) : null,
    expected: cap(reply?.text ?? ''),
    toolCalls: reply && reply.toolCalls.length > 0 ? (calls.length > 0 ? calls : reply.toolCalls.map((name) => ({ name, arguments: {} }))) : [],
    rejected: ex.rejected.length > 0 ? cap(ex.rejected[ex.rejected.length - 1].text) : null,
  };
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The tool calls (name and arguments) of the last assistant message of a chat record. */
function toolCallsOf(raw: unknown): EvalToolCall[] {
  if (!isObj(raw) || !Array.isArray(raw.messages)) return [];
  const last = [...raw.messages].reverse().find((m) => isObj(m) && (m.role === 'assistant' || m.role === 'model'));
  if (!isObj(last) || !Array.isArray(last.tool_calls)) return [];
  return last.tool_calls.flatMap((c) => {
    const fn = isObj(c) && isObj(c.function) ? c.function : null;
    if (!fn || typeof fn.name !== 'string') return [];
    let args: unknown = fn.arguments ?? {};
    if (typeof args === 'string') {
      try {
        args = JSON.parse(args);
      } catch {
        // arguments that are not JSON stay as written
      }
    }
    return [{ name: fn.name, arguments: args }];
  });
}

/** The first image of the prompt as a URL (http(s) or data:), or null when the file names a local path only. */
function imageUrlOf(raw: unknown): string | null {
  if (!isObj(raw)) return null;
  const messages = Array.isArray(raw.messages) ? raw.messages : isObj(raw.input) && Array.isArray(raw.input.messages) ? raw.input.messages : [];
  for (const m of messages) {
    if (!isObj(m) || !Array.isArray(m.content)) continue;
    for (const part of m.content) {
      if (!isObj(part)) continue;
      const url = isObj(part.image_url) ? part.image_url.url : typeof part.image_url === 'string' ? part.image_url : part.image;
      if (typeof url === 'string' && /^(?:https?:|data:)/.test(url)) return url;
    }
  }
  return null;
}
