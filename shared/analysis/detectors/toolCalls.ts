// Detector: replies that call tools, and examples that declare tools (format: filling in arguments).

import type { Example, Reply } from '../parseExample.ts';
import { cite } from './cite.ts';

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
