// Handlers of the imports area.
import type { importsChannels } from '../../../shared/ipc/imports.ts';
import type { HandlerMap } from '../context.ts';

export const importsHandlers: HandlerMap<keyof typeof importsChannels> = {};
