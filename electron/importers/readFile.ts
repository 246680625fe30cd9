// Reads a whole import file as text with every file-system failure in words (a folder, a missing
// file, no permission, too large), never as EISDIR or a stack trace.
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { OfframpError } from '../../shared/errors.ts';
import { fileSystemError, formatBytes } from './readLines.ts';

/** Files read whole; beyond this size none of them is what the importer expects. */
export const MAX_WHOLE_FILE_BYTES = 256 * 1024 * 1024;

/** The file's size once it is known to be a regular file; a folder, a missing file or no permission are said in words. */
export function importFileSize(file: string, what: string): number {
  const name = path.basename(file);
  let info: fs.Stats;
  try {
    info = fs.statSync(file);
  } catch (e) {
    throw fileSystemError(e, file, what);
  }
  if (info.isDirectory()) throw new OfframpError({ code: 'io', file, message: `${name} is a folder, not a file; choose ${what}.` });
  if (!info.isFile()) throw new OfframpError({ code: 'io', file, message: `${name} is not a regular file; choose ${what}.` });
  return info.size;
}

/** The text of `file` (UTF-8). `what` names the expected content for messages: "a jobs list (JSON)". */
export function readImportFile(file: string, what: string): string {
  const name = path.basename(file);
  const size = importFileSize(file, what);
  if (size > MAX_WHOLE_FILE_BYTES) {
    throw new OfframpError({ code: 'import_invalid', file, message: `${name} is ${formatBytes(size)}; files over ${formatBytes(MAX_WHOLE_FILE_BYTES)} are not supported here. Export fewer rows at a time.` });
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw fileSystemError(e, file, what);
  }
  // Most exports are plain ASCII: then every byte is its character, and latin1 builds the same string without the UTF-8
  // decoder (read + JSON.parse of a 10,000-job list measured a quarter faster). Anything else is decoded as UTF-8.
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}
