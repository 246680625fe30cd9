// How a channel is declared: a zod schema for the payload, a phantom type for the result, and whether it changes the workspace.
import type { z } from 'zod';

export interface ChannelSpec<P extends z.ZodType, R, M extends boolean = boolean> {
  payload: P;
  /** Never set at run time: carries the result type. */
  result?: R;
  /** true when the handler changes the workspace (one transaction, recorded for undo and the audit log). */
  mutates: M;
  /**
   * Live state (a presenter's current item and timers): written at once in one transaction but not put on the
   * undo stack, so Ctrl+Z undoes the last edit, not the last "next item".
   */
  live?: boolean;
}

/** `query<Client[]>()(schema)`: a read-only channel whose result is Client[]. */
export const query = <R>() => <P extends z.ZodType>(payload: P): ChannelSpec<P, R, false> => ({ payload, mutates: false });

/** `mutation<Client>()(schema)`: a channel that changes the workspace. */
export const mutation = <R>() => <P extends z.ZodType>(payload: P): ChannelSpec<P, R, true> => ({ payload, mutates: true });

/** `liveMutation<T>()(schema)`: changes live state of the workspace (saved at once, not undoable; see ChannelSpec.live). */
export const liveMutation = <R>() => <P extends z.ZodType>(payload: P): ChannelSpec<P, R, true> => ({ payload, mutates: true, live: true });
