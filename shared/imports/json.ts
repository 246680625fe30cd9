// JSON parsing for importers: a syntax error becomes an OfframpError naming the file and line.
import { OfframpError } from '../errors.ts';
import { looksUtf16 } from './csv.ts';
import { findJsonSyntaxProblem, lineAndColumn } from './jsonLocate.ts';

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
  try {
    return JSON.parse(body);
  } catch {
    // JSON allows no raw NUL anywhere, so a file holding one never parses: it is looked for only then.
    if (body.includes('\u0000')) {
      const line = lineOfOffset(body, body.indexOf('\u0000'));
      const message = looksUtf16(body)
        ? `${fileName} is encoded as UTF-16; save it as UTF-8 and import it again.`
        : `${fileName} contains binary data (a NUL byte on line ${line}); it is not a JSON text file.`;
      throw new OfframpError({ code: 'import_invalid', message, file: fileName, line });
    }
    // The engine's wording (and whether it gives a position) changes between Node versions: locate the error ourselves.
    const problem = findJsonSyntaxProblem(body);
    const offset = problem?.offset ?? body.length;
    const { line, column } = lineAndColumn(body, offset);
    const truncated = offset >= body.trimEnd().length;
    const what = truncated
      ? `${fileName} ends before the JSON is complete (line ${line}, column ${column}); the file was probably cut off while saving or downloading. Export it again.`
      : `${fileName} is not valid JSON at line ${line}, column ${column}: expected ${problem?.expected ?? 'valid JSON'}, found ${describeChar(body, offset)}. Fix the file or export it again.`;
    throw new OfframpError({ code: 'import_invalid', message: what, file: fileName, line });
  }
}

function describeChar(text: string, offset: number): string {
  const c = text.codePointAt(offset);
  if (c === undefined) return 'the end of the file';
  const ch = String.fromCodePoint(c);
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (c < 0x20) return `control character U+${c.toString(16).padStart(4, '0').toUpperCase()}`;
  return JSON.stringify(ch);
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
