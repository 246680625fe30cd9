// Detector: replies that call tools, and examples that declare tools (format: filling in arguments).

import type { Example, Reply } from '../parseExample.ts';
import { cite } from './cite.ts';
import { NO_CALLS } from '../readMessages.ts';

export interface ToolSignal {
  calls: number;
  /** Functions the replies call, most called first. */
  names: string[];
  examplesWithTools: number;
  lines: number[];
  declaredLines: number[];
}

const MAX_TOOL_NAMES = 200;


export function createToolDetector() {
  let calls = 0;
  let examplesWithTools = 0;
  const names = new Map<string, number>();
  const lines: number[] = [];
  const declaredLines: number[] = [];
  return {
    observeExample(ex: Example, line: number): void {
      if (ex.tools.length === 0) return;
      examplesWithTools += 1;
      cite(declaredLines, line);
      for (const n of ex.tools) if (!names.has(n) && names.size < MAX_TOOL_NAMES) names.set(n, 0);
    },
    observe(reply: Reply, line: number): void {
      calls += 1;
      cite(lines, line);
      for (const n of reply.toolCalls) if (names.has(n) || names.size < MAX_TOOL_NAMES) names.set(n, (names.get(n) ?? 0) + 1);
    },
    finish(): ToolSignal {
      return { calls, examplesWithTools, lines, declaredLines, names: [...names.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]).map(([n]) => n) };
    },
  };
}

/**
 * Tool calls written as tagged text in a reply, as open-weight chat templates print them: Hermes/Qwen
 * "<tool_call>{json}</tool_call>", Glaive "<functioncall> {json}", Llama 3.1 "<function=name>{…}</function>",
 * Mistral "[TOOL_CALLS] [{…}]". Returns the called functions' names ("function" when a call names none).
 */
export function textToolCalls(text: string): readonly string[] {
  const head = text.length > 8_000 ? text.slice(0, 8_000) : text;
  // Every form below has a '<' or a '[': most replies have neither and skip both expressions.
  if (!head.includes('<') && !head.includes('[')) return NO_CALLS;
  const names: string[] = [];
  for (const m of head.matchAll(/<function=([\w.-]+)>/g)) names.push(m[1]);
  for (const m of head.matchAll(/<(?:tool_call|toolcall|function_call|functioncall)>|\[TOOL_CALLS\]/gi)) {
    const body = head.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 2_000);
    const named = /^\s*\[?\s*\{\s*"(?:name|tool|function|tool_name)"\s*:\s*"([^"]+)"/.exec(body) ?? /"(?:name|tool|tool_name)"\s*:\s*"([^"]+)"/.exec(body.split(/<\/(?:tool_call|toolcall|function_call|functioncall)>/i)[0]);
    if (named || /^\s*[[{]/.test(body)) names.push(named ? named[1] : 'function');
  }
  return names;
}
