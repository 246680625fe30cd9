// The typed IPC contract: every channel of every area, merged. Handlers and the renderer both import this.
import type { z } from 'zod';
import type { ChannelSpec } from './contract.ts';
import { inventoryChannels } from './inventory.ts';
import { planChannels } from './plan.ts';
import { importsChannels } from './imports.ts';
import { exportsChannels } from './exports.ts';
import { evaluationChannels } from './evaluation.ts';
import { workshopChannels } from './workshop.ts';
import { baselinesChannels } from './baselines.ts';
import { evalsetChannels } from './evalset.ts';

export const channels = {
  ...inventoryChannels,
  ...planChannels,
  ...importsChannels,
  ...exportsChannels,
  ...evaluationChannels,
  ...workshopChannels,
  ...baselinesChannels,
  ...evalsetChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type PayloadOf<C extends ChannelName> = Channels[C] extends ChannelSpec<infer P, unknown, boolean> ? z.input<P> : never;
export type ParsedPayloadOf<C extends ChannelName> = Channels[C] extends ChannelSpec<infer P, unknown, boolean> ? z.output<P> : never;
export type ResultOf<C extends ChannelName> = Channels[C] extends ChannelSpec<z.ZodType, infer R, boolean> ? R : never;

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}
