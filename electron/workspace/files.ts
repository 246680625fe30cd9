// Paths belong to the main process: a file the user chose in a native dialog is handed to the renderer as an opaque
// handle, and a channel that reads a file takes that handle back. A renderer (or a page that reached a local server)
// can therefore only name files the user picked in this session, never an arbitrary path.
import crypto from 'node:crypto';
import path from 'node:path';
import { OfframpError } from '../../shared/errors.ts';

export class FileHandles {
  private readonly byHandle = new Map<string, string>();

  /**
   * A handle for `file`: a random id, then "/" and the file's name so screens can show it (the name is only for
   * display; the lookup is by the whole handle, so a made-up or edited handle names nothing).
   */
  register(file: string): string {
    const handle = `${crypto.randomBytes(12).toString('hex')}/${path.basename(file)}`;
    this.byHandle.set(handle, file);
    return handle;
  }

  /** The path behind a handle; refused when the handle was not given out in this session. */
  resolve(handle: string, field = 'file'): string {
    const file = this.byHandle.get(handle);
    if (file === undefined) {
      throw new OfframpError({ code: 'invalid_payload', field, message: 'That file was not chosen in this session. Choose it again.' });
    }
    return file;
  }
}

/** A stable id for a recent workspace (the renderer opens recent files by id, not by path). */
export function recentId(file: string): string {
  return crypto.createHash('sha256').update(file).digest('hex').slice(0, 16);
}
