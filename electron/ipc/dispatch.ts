// The single entry for every IPC call: validate the payload, run the handler (mutations inside the
// workspace's mutate wrapper), and answer a Result. Used by Electron, the test host and the CLI.
import type { z } from 'zod';
import { OfframpError, type ErrorInfo, type Result } from '../../shared/errors.ts';
import { channels, isChannelName, type ChannelName } from '../../shared/ipc/index.ts';
import type { HandlerContext, MutationHandler, QueryHandler } from './context.ts';
import { handlers } from './handlers/index.ts';

export function zodIssueToError(issue: z.core.$ZodIssue, prefix = ''): ErrorInfo {
  const field = issue.path.map(String).join('.');
  return { code: 'invalid_payload', message: field ? `${field}: ${issue.message}` : issue.message, field: prefix + field || undefined };
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof OfframpError) return e.toInfo();
  const err = e as { code?: string; message?: string };
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: `The workspace refused the change: ${err.message}. Nothing was changed.` };
  }
  return { code: 'internal', message: `Something went wrong: ${err?.message ?? String(e)}. Nothing was changed.` };
}

export async function dispatch(channel: string, raw: unknown, ctx: HandlerContext): Promise<Result<unknown>> {
  if (!isChannelName(channel)) return { ok: false, error: { code: 'invalid_payload', message: `Unknown channel ${channel}` } };
  const spec = channels[channel];
  const parsed = (spec.payload as z.ZodType).safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, error: zodIssueToError(parsed.error.issues[0]) };
  try {
    const handler = handlers[channel as ChannelName];
    if (spec.mutates) {
      // The session's one backup, before its first write (online backup API; awaited, so it never blocks the loop).
      await ctx.workspace.prepareWrite();
      const run = (db: Parameters<MutationHandler<ChannelName>>[2], rec: Parameters<MutationHandler<ChannelName>>[3]) =>
        (handler as MutationHandler<ChannelName>)(parsed.data as never, ctx, db, rec);
      const value = (spec as { live?: boolean }).live ? ctx.workspace.saveLive(channel, run) : ctx.workspace.mutate(channel, run);
      return { ok: true, value };
    }
    const value = await (handler as QueryHandler<ChannelName>)(parsed.data as never, ctx);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}
