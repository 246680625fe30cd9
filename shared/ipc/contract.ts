// How a channel is declared: a zod schema for the payload, a phantom type for the result, and whether it changes the workspace.
import type { z } from 'zod';

export interface ChannelSpec<P extends z.ZodType, R, M extends boolean = boolean> {
  payload: P;
  /** Never set at run time: carries the result type. */
  result?: R;
  /** true when the handler changes the workspace (one transaction, recorded for undo and the audit log). */
  mutates: M;
}

/** `query<Client[]>()(schema)`: a read-only channel whose result is Client[]. */
export const query = <R>() => <P extends z.ZodType>(payload: P): ChannelSpec<P, R, false> => ({ payload, mutates: false });

/** `mutation<Client>()(schema)`: a channel that changes the workspace. */
export const mutation = <R>() => <P extends z.ZodType>(payload: P): ChannelSpec<P, R, true> => ({ payload, mutates: true });
