// Streams a text file line by line in constant memory: progress, cancellation, a guard against
// huge lines, and a clear refusal of binary files.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { OfframpError } from '../../shared/errors.ts';

export const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface ReadLinesOptions {
  signal?: AbortSignal;
  /** Called after each chunk with bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** A line longer than this is reported through onTooLong instead of being held in memory. */
  maxLineBytes?: number;
  chunkBytes?: number;
}

export interface LineSink {
  /** lineNo is 1-based; the text has no line ending and no byte-order mark. */
  onLine(text: string, lineNo: number): void;
  /** The line was skipped because it is longer than maxLineBytes. */
  onTooLong(lineNo: number, bytes: number): void;
}

export interface ReadLinesResult {
  lines: number;
  bytes: number;
}

const LF = 0x0a;
const CR = 0x0d;

/** Human size of a byte count: "64 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

export async function readLines(file: string, sink: LineSink, options: ReadLinesOptions = {}): Promise<ReadLinesResult> {
  const name = basename(file);
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const signal = options.signal;
  throwIfAborted(signal, name);

  let total: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new OfframpError({ code: 'io', message: `${name} is a folder, not a file; choose a .jsonl file.`, file });
    total = info.size;
  } catch (e) {
    if (e instanceof OfframpError) throw e;
    throw ioError(e, file);
  }

  const stream = createReadStream(file, { highWaterMark: options.chunkBytes ?? 1024 * 1024 });
  let lineNo = 1;
  let bytesRead = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let skippingBytes = -1; // ≥ 0 while discarding the rest of a too-long line
  let first = true;

  const emit = (buf: Buffer, start: number, end: number): void => {
    let bytes: Buffer;
    if (pending.length === 0) bytes = buf.subarray(start, end);
    else {
      pending.push(buf.subarray(start, end));
      bytes = Buffer.concat(pending, pendingBytes + (end - start));
      pending = [];
      pendingBytes = 0;
    }
    let len = bytes.length;
    if (len > 0 && bytes[len - 1] === CR) len -= 1;
    sink.onLine(bytes.toString('utf8', 0, len), lineNo);
  };

  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      throwIfAborted(signal, name);
      let buf = chunk;
      if (first) {
        first = false;
        checkEncoding(buf, file, name);
        if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      }
      const nul = buf.indexOf(0);
      if (nul !== -1) {
        throw new OfframpError({
          code: 'import_invalid',
          message: `${name} contains binary data (a NUL byte near line ${lineNo + countNewlines(buf, 0, nul)}); it is not a text file. Export the data as UTF-8 JSON Lines and try again.`,
          file,
          line: lineNo + countNewlines(buf, 0, nul),
        });
      }
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(LF, start);
        if (nl === -1) break;
        if (skippingBytes >= 0) {
          sink.onTooLong(lineNo, skippingBytes + (nl - start));
          skippingBytes = -1;
        } else if (pendingBytes + (nl - start) > maxLine) {
          pending = [];
          sink.onTooLong(lineNo, pendingBytes + (nl - start));
          pendingBytes = 0;
        } else {
          emit(buf, start, nl);
        }
        lineNo += 1;
        start = nl + 1;
      }
      if (start < buf.length) {
        const rest = buf.length - start;
        if (skippingBytes >= 0) skippingBytes += rest;
        else if (pendingBytes + rest > maxLine) {
          skippingBytes = pendingBytes + rest;
          pending = [];
          pendingBytes = 0;
        } else {
          // Copy: the stream may reuse its buffer.
          pending.push(Buffer.from(buf.subarray(start)));
          pendingBytes += rest;
        }
      }
      bytesRead += chunk.length;
      options.onProgress?.(bytesRead, total);
    }
    if (skippingBytes >= 0) sink.onTooLong(lineNo, skippingBytes);
    else if (pendingBytes > 0) emit(Buffer.alloc(0), 0, 0);
    else lineNo -= 1; // the file ended with a newline: no further line
  } catch (e) {
    // Errors of the sink (the analyser) pass through untouched; only file-system errors are reworded.
    if (e instanceof OfframpError || !isSystemError(e)) throw e;
    throw ioError(e, file);
  } finally {
    stream.destroy();
  }
  return { lines: lineNo, bytes: bytesRead };
}

function isSystemError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && 'syscall' in e;
}

function checkEncoding(buf: Buffer, file: string, name: string): void {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new OfframpError({
      code: 'import_invalid',
      message: `${name} is encoded as UTF-16; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and import it again.`,
      file,
      line: 1,
    });
  }
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, from); i !== -1 && i < to; i = buf.indexOf(LF, i + 1)) n += 1;
  return n;
}

function throwIfAborted(signal: AbortSignal | undefined, name: string): void {
  if (signal?.aborted) throw new OfframpError({ code: 'cancelled', message: `Reading ${name} was cancelled; nothing was imported.` });
}

function ioError(e: unknown, file: string): OfframpError {
  return fileSystemError(e, file, 'a .jsonl file');
}

/** A file-system error in words: what happened to `file` and what to do; `what` names the file expected. */
export function fileSystemError(e: unknown, file: string, what: string): OfframpError {
  if (e instanceof OfframpError) return e;
  const name = basename(file);
  const code = (e as { code?: string } | null)?.code;
  const message =
    code === 'ENOENT'
      ? `${name} does not exist (any more); choose the file again.`
      : code === 'EACCES' || code === 'EPERM'
        ? `${name} cannot be read: permission denied. Check the file's permissions.`
        : code === 'EISDIR'
          ? `${name} is a folder, not a file; choose ${what}.`
          : `${name} could not be read (${code ?? (e instanceof Error ? e.message : String(e))}); check the file and choose it again.`;
  return new OfframpError({ code: 'io', message, file });
}
