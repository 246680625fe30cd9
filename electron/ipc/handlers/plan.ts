// Handlers of the plan area.
import type { planChannels } from '../../../shared/ipc/plan.ts';
import type { HandlerMap } from '../context.ts';

export const planHandlers: HandlerMap<keyof typeof planChannels> = {};
