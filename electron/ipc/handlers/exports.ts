// Handlers of the exports area.
import type { exportsChannels } from '../../../shared/ipc/exports.ts';
import type { HandlerMap } from '../context.ts';

export const exportsHandlers: HandlerMap<keyof typeof exportsChannels> = {};
