// Detector: replies that are JSON, code or a query language (a fenced block, SQL, a regular
// expression, JSON inside a fence) — the model was taught an output structure (format).

import type { ReplyShape } from '../replyForm.ts';
import { bump, cite } from './cite.ts';

export interface CodeSignal {
  json: number;
  jsonFenced: number;
  /** The most common set of top-level keys and how many JSON replies have it. */
  jsonSameKeys: { count: number; keys: string[] } | null;
  sql: number;
  regex: number;
  fenced: number;
  /** Unfenced source code (Python, JavaScript…). */
  source: number;
  /** Fence languages seen (```python), most used first. */
  languages: string[];
  lines: { json: number[]; sql: number[]; regex: number[]; fenced: number[]; source: number[] };
}

const MAX_KEYSETS = 1_000;

export function createCodeDetector() {
  let json = 0;
  let jsonFenced = 0;
  const keysets = new Map<string, number>();
  const counts = { sql: 0, regex: 0, fenced: 0, source: 0 };
  const languages = new Map<string, number>();
  const lines: CodeSignal['lines'] = { json: [], sql: [], regex: [], fenced: [], source: [] };

  return {
    observe(shape: ReplyShape, line: number): void {
      if (shape.form === 'json') {
        json += 1;
        if (shape.fenced) jsonFenced += 1;
        if (shape.jsonKeys) bump(keysets, shape.jsonKeys, MAX_KEYSETS);
        cite(lines.json, line);
      } else if (shape.form === 'code' && shape.codeKind) {
        counts[shape.codeKind] += 1;
        cite(lines[shape.codeKind], line);
        if (shape.language) bump(languages, shape.language, 50);
      }
    },
    finish(): CodeSignal {
      const top = [...keysets.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      return {
        json,
        jsonFenced,
        jsonSameKeys: top ? { count: top[1], keys: top[0].split('\u0000') } : null,
        ...counts,
        languages: [...languages.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l),
        lines,
      };
    },
  };
}
