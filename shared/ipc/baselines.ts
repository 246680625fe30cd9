// Channels of the review cycle: baselines (named, dated snapshots of the plan), what moved since one, and cost at volume.
import { z } from 'zod';
import { mutation, query } from './contract.ts';
import { isoDate } from './inventory.ts';
import type { BaselineSummary } from '../plan/baseline.ts';
import type { BaselineDiff } from '../plan/baselineDiff.ts';
import type { PortfolioCost } from '../plan/cost.ts';

const id = z.number().int().positive();
const baselineName = z.string().trim().min(1, 'Name the baseline, e.g. "Steering committee 3 Dec"').max(200, 'Keep the name under 200 characters');

export const baselinesChannels = {
  /** Every baseline, newest first. */
  'baselines.list': query<BaselineSummary[]>()(z.object({}).default({})),
  /** Stores the whole plan as it is on `today` (default: the machine's date) under a name (default: "Baseline <date>"). */
  'baselines.create': mutation<BaselineSummary>()(z.object({ name: baselineName.optional(), today: isoDate.optional() }).default({})),
  'baselines.rename': mutation<BaselineSummary>()(z.object({ id, name: baselineName })),
  'baselines.delete': mutation<null>()(z.object({ id })),
  /** What moved since a baseline (default: the newest), for one client or all; null when no baseline exists. */
  'baselines.diff': query<BaselineDiff | null>()(z.object({ id: id.optional(), today: isoDate.optional(), clientId: id.optional() }).default({})),
  /**
   * Monthly and annual cost today vs after migration, per workload and per client (unknown stays null, never 0).
   * `workloads: false` leaves the per-workload list empty (the totals are the same): a screen showing only the totals
   * need not receive a row for each of 5,000 workloads after every edit.
   */
  'cost.atVolume': query<PortfolioCost>()(z.object({ today: isoDate.optional(), clientId: id.optional(), workloads: z.boolean().optional() }).default({})),
} as const;
