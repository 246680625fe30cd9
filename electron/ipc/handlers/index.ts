// Every channel's handler, merged; the type makes a missing handler a compile error.
import type { ChannelName } from '../../../shared/ipc/index.ts';
import type { HandlerMap } from '../context.ts';
import { inventoryHandlers } from './inventory.ts';
import { planHandlers } from './plan.ts';
import { importsHandlers } from './imports.ts';
import { exportsHandlers } from './exports.ts';
import { evaluationHandlers } from './evaluation.ts';
import { workshopHandlers } from './workshop.ts';
import { baselinesHandlers } from './baselines.ts';
import { evalsetHandlers } from './evalset.ts';

export const handlers: HandlerMap<ChannelName> = {
  ...inventoryHandlers,
  ...planHandlers,
  ...importsHandlers,
  ...exportsHandlers,
  ...evaluationHandlers,
  ...workshopHandlers,
  ...baselinesHandlers,
  ...evalsetHandlers,
};
