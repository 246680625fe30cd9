// Handlers of the review cycle: baselines and what moved since one.
import type { baselinesChannels } from '../../../shared/ipc/baselines.ts';
import type { HandlerMap } from '../context.ts';
import { deleteBaseline, listBaselines, renameBaseline } from '../../db/baselines.ts';
import { diffSinceBaseline, setBaseline } from '../../services/baselines.ts';
import { loadPortfolio } from '../../services/portfolio.ts';
import { portfolioCost } from '../../../shared/plan/cost.ts';

export const baselinesHandlers: HandlerMap<keyof typeof baselinesChannels> = {
  'baselines.list': (_p, ctx) => listBaselines(ctx.workspace.database()),
  'baselines.create': ({ name, today }, ctx, db, rec) => setBaseline(db, rec, today ?? ctx.today(), name),
  'baselines.rename': ({ id, name }, _ctx, db, rec) => renameBaseline(db, rec, id, name),
  'baselines.delete': ({ id }, _ctx, db, rec) => {
    deleteBaseline(db, rec, id);
    return null;
  },
  'baselines.diff': ({ id, today, clientId }, ctx) => diffSinceBaseline(ctx.workspace.database(), today ?? ctx.today(), { id, clientId }),
  'cost.atVolume': ({ today, clientId }, ctx) => portfolioCost(loadPortfolio(ctx.workspace.database(), today ?? ctx.today(), clientId).portfolio),
};
