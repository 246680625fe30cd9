// The renderer's one door to the main process: typed invoke over the Electron preload, or HTTP to the test host in a browser.
import type { ChannelName, PayloadOf, ResultOf } from '../shared/ipc/index.ts';
import type { Result } from '../shared/errors.ts';

/** Menu commands sent by the Electron main process. */
export type MenuCommand =
  | 'workspace.new'
  | 'workspace.newSample'
  | 'workspace.open'
  | 'workspace.saveCopy'
  | 'edit.undo'
  | 'edit.redo'
  | 'export.roadmap'
  | 'export.ics'
  | 'export.csv'
  | 'export.json'
  | 'workspace.reload'
  | `navigate:${string}`;

export interface OfframpBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Returns a function that stops listening. */
  onCommand?(cb: (command: string) => void): (() => void) | void;
}

declare global {
  interface Window {
    offramp?: OfframpBridge;
  }
}

export async function invoke<C extends ChannelName>(channel: C, payload: PayloadOf<C>): Promise<Result<ResultOf<C>>> {
  try {
    if (window.offramp) {
      return (await window.offramp.invoke(channel, payload)) as Result<ResultOf<C>>;
    }
    // Relative: the test host and the headless printer serve the page under a per-run token (…/<token>/), and
    // the IPC beside it; a request without the token is refused.
    const response = await fetch(`ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload ?? {}),
    });
    return (await response.json()) as Result<ResultOf<C>>;
  } catch (err) {
    // A transport failure (not a handler error) still comes back as a Result so screens have one path.
    return {
      ok: false,
      error: { code: 'io', message: `Could not reach the Offramp back end (${err instanceof Error ? err.message : String(err)}). Restart the app and try again.` },
    };
  }
}

export function onCommand(cb: (command: MenuCommand) => void): () => void {
  const stop = window.offramp?.onCommand?.((c) => cb(c as MenuCommand));
  return typeof stop === 'function' ? stop : () => {};
}

