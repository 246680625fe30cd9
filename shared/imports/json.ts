// JSON parsing for importers: a syntax error becomes an OfframpError naming the file and line.
import { OfframpError } from '../errors.ts';
import { looksUtf16 } from './csv.ts';

/** 1-based line of a character offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

export function parseJsonFile(text: string, fileName: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim().length === 0) {
    throw new OfframpError({ code: 'import_invalid', message: `${fileName} is empty; choose the JSON file again.`, file: fileName, line: 1 });
  }
  if (body.includes('\u0000')) {
    const line = lineOfOffset(body, body.indexOf('\u0000'));
    const message = looksUtf16(body)
      ? `${fileName} is encoded as UTF-16; save it as UTF-8 and import it again.`
      : `${fileName} contains binary data (a NUL byte on line ${line}); it is not a JSON text file.`;
    throw new OfframpError({ code: 'import_invalid', message, file: fileName, line });
  }
  try {
    return JSON.parse(body);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    const pos = /at position (\d+)/.exec(detail);
    // A syntax error at the very end means the text stops mid-way: the file was cut off.
    const truncated = /end of JSON input|Unterminated/i.test(detail) || (pos !== null && Number(pos[1]) >= body.trimEnd().length);
    const line = pos ? lineOfOffset(body, Number(pos[1])) : truncated ? lineOfOffset(body, body.length) : undefined;
    const what = truncated
      ? `${fileName} ends before the JSON is complete (line ${line}); the file was probably cut off while saving or downloading. Export it again.`
      : `${fileName} is not valid JSON${line ? ` at line ${line}` : ''} (${detail.replace(/\s*in JSON at position \d+.*$/, '')}); fix the file or export it again.`;
    throw new OfframpError({ code: 'import_invalid', message: what, file: fileName, line });
  }
}

/** What a JSON value is, in words: "a string", "null", "an array". */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)}`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `an ${typeof v}`;
}
