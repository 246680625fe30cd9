// Where things are in JSON text, independent of the JS engine's error wording: the offset of the
// first syntax error (with what was expected there), and the offset of the value at a JSON path.

export interface JsonSyntaxProblem {
  offset: number;
  /** What the text should have had at the offset, in words: "a value", "',' or '}'". */
  expected: string;
}

export type JsonPath = readonly (string | number)[];

const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;

class Stop {
  constructor(readonly offset: number) {}
}

/**
 * Walks JSON text once. With `target`, stops at the start of the value at that path (returns its
 * offset); without, returns the first syntax problem or null.
 */
function walk(text: string, target: JsonPath | null): JsonSyntaxProblem | number | null {
  let i = 0;
  const n = text.length;
  const path: (string | number)[] = [];
  const found: { problem: JsonSyntaxProblem | null } = { problem: null };
  const fail = (expected: string): never => {
    found.problem = { offset: Math.min(i, n), expected };
    throw new Stop(i);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else break;
    }
  };
  const atTarget = (): boolean => target !== null && path.length === target.length && path.every((p, k) => String(p) === String(target[k]));
  const str = (): string => {
    const start = ++i;
    let out = '';
    let simple = true;
    while (i < n) {
      const c = text[i];
      if (c === '"') {
        const s = simple ? text.slice(start, i) : out;
        i++;
        return s;
      }
      if (c === '\\') {
        if (simple) {
          out = text.slice(start, i);
          simple = false;
        }
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail('four hex digits after \\u');
          }
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === undefined || !(e in map)) {
          i++;
          fail('a valid escape (\\", \\\\, \\n, \\t, \\uXXXX)');
        }
        out += map[e];
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail('a closing " (a line break or control character cannot be inside a string)');
      if (!simple) out += c;
      i++;
    }
    return fail('a closing "');
  };
  /** After a member or an element: ',' means another follows (true), the closing bracket ends the list (false). */
  const another = (close: '}' | ']'): boolean => {
    ws();
    if (text[i] === ',') {
      i++;
      return true;
    }
    if (text[i] === close) {
      i++;
      return false;
    }
    return fail(`',' or '${close}'`);
  };

  const value = (): void => {
    ws();
    if (atTarget()) throw new Stop(i);
    if (i >= n) fail('a value');
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        const key = str();
        ws();
        if (text[i] !== ':') fail("':' after the property name");
        i++;
        path.push(key);
        value();
        path.pop();
        if (!another('}')) return;
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        path.push(k);
        value();
        path.pop();
        if (!another(']')) return;
      }
    }
    if (c === '"') {
      str();
      return;
    }
    LITERAL.lastIndex = i;
    const lit = LITERAL.exec(text);
    if (!lit) return fail('a value (text in double quotes, a number, true, false, null, an object or a list)');
    i += lit[0].length;
  };
  try {
    value();
    ws();
    if (i < n) fail('the end of the file (there is text after the JSON value)');
  } catch (e) {
    // Nesting deeper than the stack: JSON.parse copes, this walk does not; say nothing rather than fail.
    if (e instanceof RangeError) return null;
    if (!(e instanceof Stop)) throw e;
    if (found.problem) return target === null ? found.problem : null;
    return e.offset;
  }
  return null;
}

/** The first syntax problem of `text`, or null when it is valid JSON. */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  const r = walk(text, null);
  return typeof r === 'object' ? r : null;
}

/** Offset of the value at `path` (e.g. ['workloads', 3, 'name']), or of its nearest existing parent. */
export function offsetOfJsonPath(text: string, path: JsonPath): number {
  for (let len = path.length; len >= 0; len--) {
    const r = walk(text, path.slice(0, len));
    if (typeof r === 'number') return r;
  }
  return 0;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = text.indexOf('\n'); k !== -1 && k < end; k = text.indexOf('\n', k + 1)) {
    line += 1;
    lineStart = k + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/** "workloads[3].name" for ['workloads', 3, 'name']. */
export function formatJsonPath(path: JsonPath): string {
  return path.map((p, k) => (typeof p === 'number' ? `[${p}]` : k === 0 ? p : `.${p}`)).join('');
}
