// Handlers of the decision engine and planner.
import type { planChannels } from '../../../shared/ipc/plan.ts';
import type { HandlerMap } from '../context.ts';
import { loadPortfolio } from '../../services/portfolio.ts';
import { planCacheOf } from '../../services/planCache.ts';
import { applyQuestionnaire } from '../../services/questionnaire.ts';
import { createSampleWorkspace } from '../../services/fill.ts';
import { getWorkload } from '../../db/workloads.ts';
import { clearOverride, listOverrides, setOverride } from '../../db/overrides.ts';

export const planHandlers: HandlerMap<keyof typeof planChannels> = {
  'plan.portfolio': ({ today, clientId }, ctx) => loadPortfolio(ctx.workspace.database(), today ?? ctx.today(), clientId).portfolio,
  // The Plan screen's reads come from the cached plan, which replans only what each committed change touched.
  'plan.overview': ({ today, clientId }, ctx) => planCacheOf(ctx.workspace).for(today ?? ctx.today()).overview(clientId),
  'plan.rows': ({ today, ...window }, ctx) => planCacheOf(ctx.workspace).for(today ?? ctx.today()).rows(window),
  'plan.workload': ({ today, workloadId }, ctx) => planCacheOf(ctx.workspace).for(today ?? ctx.today()).workload(workloadId),

  'questionnaire.apply': ({ workloadId, answers, confirmed }, _ctx, db, rec) => applyQuestionnaire(db, rec, { workloadId, answers, confirmed }),

  'overrides.set': (p, ctx, db, rec) => {
    getWorkload(db, p.workloadId);
    const override = { ...p, actor: ctx.preferences.get().actorName, at: new Date().toISOString() };
    setOverride(rec, override);
    return listOverrides(db, p.workloadId).find((o) => o.job === p.job) ?? override;
  },
  'overrides.clear': ({ workloadId, job }, _ctx, _db, rec) => {
    clearOverride(rec, workloadId, job);
    return null;
  },

  'workspace.createSample': async (_p, ctx) => {
    // The main process asks where (the renderer never names a path); null when the user cancels.
    const file = await ctx.platform.chooseWorkspace('new');
    if (file === null) return null;
    createSampleWorkspace(ctx.workspace, file, ctx.today());
    ctx.preferences.addRecent(file);
    // Reopen so the sample starts with an empty undo history: it is the starting point, not an edit.
    return ctx.workspace.open(file);
  },
};
