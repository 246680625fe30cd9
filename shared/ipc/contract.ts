// How a channel is declared: a zod schema for the payload and a phantom type for the result.
import type { z } from 'zod';

export interface ChannelSpec<P extends z.ZodType, R> {
  payload: P;
  /** Never set at run time: carries the result type. */
  result?: R;
  /** true when the handler changes the workspace (recorded for undo and the audit log). */
  mutates: boolean;
}

/** `query<Client[]>()(schema)`: a read-only channel whose result is Client[]. */
export const query = <R>() => <P extends z.ZodType>(payload: P): ChannelSpec<P, R> => ({ payload, mutates: false });

/** `mutation<Client>()(schema)`: a channel that changes the workspace. */
export const mutation = <R>() => <P extends z.ZodType>(payload: P): ChannelSpec<P, R> => ({ payload, mutates: true });
