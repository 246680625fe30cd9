import { openSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../electron/importers/readLines.ts';
import { analyseTrainingFile } from '../../../electron/importers/analyseTrainingFile.ts';
import { caughtAsync } from '../../support/errors.ts';
import { scratchFolder } from '../../support/scratch.ts';

const { dir, write } = scratchFolder('offramp-readlines-');

async function collect(file: string, opts: Parameters<typeof readLines>[2] = {}) {
  const lines: [number, string][] = [];
  const tooLong: [number, number][] = [];
  const result = await readLines(file, { onLine: (t, n) => lines.push([n, t]), onTooLong: (n, b) => tooLong.push([n, b]) }, opts);
  return { lines, tooLong, result };
}

describe('readLines', () => {
  it('splits LF and CRLF lines, strips a UTF-8 BOM, and numbers lines from 1', async () => {
    const file = write('crlf.jsonl', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a\r\nb\n\r\nc')]));
    const { lines, result } = await collect(file);
    expect(lines).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, ''],
      [4, 'c'],
    ]);
    expect(result.lines).toBe(4);
  });

  it('does not invent a line after a final newline', async () => {
    const { lines } = await collect(write('final.jsonl', 'x\ny\n'));
    expect(lines.map(([n]) => n)).toEqual([1, 2]);
  });

  it('keeps multi-byte characters and CRLF intact across chunk boundaries', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `行${i}：やで€`).join('\r\n');
    const { lines } = await collect(write('utf8.jsonl', text), { chunkBytes: 7 });
    expect(lines).toHaveLength(200);
    expect(lines[199]).toEqual([200, '行199：やで€']);
    expect(lines.every(([, t]) => !t.includes('\r') && !t.includes('\uFFFD'))).toBe(true);
  });

  it('reports progress up to the file size', async () => {
    const file = write('progress.jsonl', 'x'.repeat(100) + '\n' + 'y'.repeat(100));
    const seen: [number, number][] = [];
    await collect(file, { chunkBytes: 50, onProgress: (read, total) => seen.push([read, total]) });
    expect(seen.at(-1)).toEqual([201, 201]);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('reports a line longer than the limit instead of holding it, and goes on', async () => {
    const file = write('long.jsonl', `short\n${'z'.repeat(5000)}\nafter\n${'w'.repeat(3000)}`);
    const { lines, tooLong } = await collect(file, { maxLineBytes: 1000, chunkBytes: 256 });
    expect(lines).toEqual([
      [1, 'short'],
      [3, 'after'],
    ]);
    expect(tooLong).toEqual([
      [2, 5000],
      [4, 3000],
    ]);
  });

  it('refuses a binary file, naming it and the line', async () => {
    const file = write('photo.jsonl', Buffer.concat([Buffer.from('{"a":1}\n{"b":2}\n'), Buffer.from([0x89, 0x50, 0x00, 0x01])]));
    const e = await caughtAsync(collect(file));
    expect(e.code).toBe('import_invalid');
    expect(e.file).toBe(file);
    expect(e.line).toBe(3);
    expect(e.message).toBe('photo.jsonl contains binary data (a NUL byte near line 3); it is not a text file. Export the data as UTF-8 JSON Lines and try again.');
  });

  it('refuses UTF-16 with the way to fix it', async () => {
    const e = await caughtAsync(collect(write('utf16.jsonl', Buffer.from('\uFEFF{"a":1}', 'utf16le'))));
    expect(e.message).toMatch(/^utf16\.jsonl is encoded as UTF-16; save it as UTF-8/);
  });

  it('stops with a cancelled error when the signal aborts', async () => {
    const file = write('cancel.jsonl', 'line\n'.repeat(10_000));
    const controller = new AbortController();
    let n = 0;
    const e = await caughtAsync(
      readLines(file, { onLine: () => (++n === 10 ? controller.abort() : undefined), onTooLong: () => undefined }, { signal: controller.signal, chunkBytes: 1024 }),
    );
    expect(e.code).toBe('cancelled');
    expect(n).toBeLessThan(10_000);
  });

  it('says when the file does not exist', async () => {
    const e = await caughtAsync(collect(path.join(dir, 'missing.jsonl')));
    expect(e).toMatchObject({ code: 'io', message: 'missing.jsonl does not exist (any more); choose the file again.' });
  });
});

describe('analyseTrainingFile on hostile files', () => {
  it('turns a very long line into a malformed-line entry, not an out-of-memory', async () => {
    // 3 MB line against a 1 MB limit stands in for the 1 GB line: same code path, quick to write.
    const file = path.join(dir, 'huge-line.jsonl');
    const fd = openSync(file, 'w');
    writeSync(fd, '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"}]}\n{"messages":"');
    const block = 'a'.repeat(1024 * 1024);
    for (let i = 0; i < 3; i++) writeSync(fd, block);
    writeSync(fd, '"}\n');
    closeSync(fd);
    const r = await analyseTrainingFile(file, { maxLineBytes: 1024 * 1024 });
    expect(r.examples).toBe(1);
    expect(r.malformed.lines).toEqual([
      { line: 2, message: 'Line 2 is 3 MB long, more than the 1 MB a training example may have; it was skipped. Split it or remove it.' },
    ]);
  });

  it('refuses an empty file', async () => {
    const e = await caughtAsync(analyseTrainingFile(write('empty.jsonl', '')));
    expect(e).toMatchObject({ code: 'import_invalid', message: 'empty.jsonl is empty; choose a JSON Lines file with one training example per line.' });
  });

  it('refuses a file with no readable example, naming the first bad line and field', async () => {
    const e = await caughtAsync(analyseTrainingFile(write('roles.jsonl', '{"messages":[{"role":"bot","content":"x"}]}\n{"oops":1}\n')));
    expect(e.code).toBe('import_invalid');
    expect(e.line).toBe(1);
    expect(e.field).toBe('messages[0].role');
    expect(e.message).toMatch(/^roles\.jsonl has no readable training example \(2 of 2 lines are malformed\)\. First problem: Line 1: The role of message 1 is "bot"/);
  });

  it('refuses a truncated JSON array given instead of JSON Lines', async () => {
    const e = await caughtAsync(analyseTrainingFile(write('array.json', '[\n  {"messages": [\n')));
    expect(e).toMatchObject({ code: 'import_invalid', line: 1 });
  });
});

describe('analyseTrainingFile progress and cancellation', () => {
  it('reports progress to the end of the file and stops with "cancelled" when aborted', async () => {
    const line = JSON.stringify({ messages: [{ role: 'user', content: 'q' }, { role: 'assistant', content: 'a' }] });
    const file = write('progress.jsonl', `${line}\n`.repeat(2_000));
    const seen: number[] = [];
    const r = await analyseTrainingFile(file, { chunkBytes: 4096, onProgress: (read, total) => seen.push(read / total) });
    expect(r.examples).toBe(2_000);
    expect(seen.at(-1)).toBe(1);

    const controller = new AbortController();
    const e = await caughtAsync(analyseTrainingFile(file, { chunkBytes: 4096, signal: controller.signal, onProgress: (read) => (read > 20_000 ? controller.abort() : undefined) }));
    expect(e.code).toBe('cancelled');
    expect(e.message).toBe('Reading progress.jsonl was cancelled; nothing was imported.');
  });
});
