// Handlers of the review cycle: baselines and what moved since one.
import type { baselinesChannels } from '../../../shared/ipc/baselines.ts';
import type { HandlerMap } from '../context.ts';
import { deleteBaseline, listBaselines, renameBaseline } from '../../db/baselines.ts';
import { diffSinceBaseline, setBaseline } from '../../services/baselines.ts';
import { planCacheOf } from '../../services/planCache.ts';

export const baselinesHandlers: HandlerMap<keyof typeof baselinesChannels> = {
  'baselines.list': (_p, ctx) => listBaselines(ctx.workspace.database()),
  'baselines.create': ({ name, today }, ctx, db, rec) => setBaseline(db, rec, today ?? ctx.today(), name),
  'baselines.rename': ({ id, name }, _ctx, db, rec) => renameBaseline(db, rec, id, name),
  'baselines.delete': ({ id }, _ctx, db, rec) => {
    deleteBaseline(db, rec, id);
    return null;
  },
  'baselines.diff': ({ id, today, clientId }, ctx) => diffSinceBaseline(ctx.workspace.database(), today ?? ctx.today(), { id, clientId }),
  // From the kept plan: the Plan screen asks again after every edit, and a fresh read and replan of a 5,000-workload
  // workspace held the main process (and the next edit's refetch) for over half a second.
  'cost.atVolume': ({ today, clientId, workloads }, ctx) => {
    const cost = planCacheOf(ctx.workspace).for(today ?? ctx.today()).cost(clientId);
    return workloads === false ? { ...cost, workloads: [] } : cost;
  },
};
