// The sample workspace shows workshop mode in both states: one finished workshop with what it captured, one planned.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSampleWorkspace } from '../../../electron/services/fill.ts';
import { aWorkspace, type TestApp } from '../../support/app.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

describe('the sample workspace\'s workshops', () => {
  it('holds a finished triage with classifications, a vote, decisions and actions, and a planned one', async () => {
    const t = await aWorkspace({ today: '2026-11-25' });
    open.push(t);
    createSampleWorkspace(t.app.ctx.workspace, path.join(t.dir, 'sample.offramp'), '2026-11-25');
    const list = await t.call('workshops.list', {});
    expect(list.map((s) => [s.clientName, s.workshop.status])).toEqual([['Meridian Health', 'planned'], ['Northwind Support', 'finished']]);
    const planned = await t.call('workshops.get', { id: list[0].workshop.id });
    expect(planned.agenda.reduce((s, i) => s + i.plannedMinutes, 0)).toBe(90);

    const finished = await t.call('workshops.get', { id: list[1].workshop.id });
    expect(finished.decisions.length).toBeGreaterThanOrEqual(3);
    expect(finished.actions.every((a) => a.owner && a.dueDate >= finished.workshop.date)).toBe(true);
    expect(finished.votes.length).toBeGreaterThan(0);
    expect(finished.classifications).toHaveLength(2);
    const router = finished.classifications.find((c) => c.itemId === finished.agenda[1].id)!;
    expect(router.after.components).toContainEqual({ job: 'behavior', approach: 'open_weight' });
    expect(router.before.rules.length).toBeGreaterThan(0);

    const workloads = await t.call('workloads.list', {});
    const ranked = workloads.filter((w) => w.priorityRank !== null).sort((a, b) => (a.priorityRank as number) - (b.priorityRank as number));
    expect(ranked.map((w) => w.name)).toEqual(['Support answer drafts', 'Ticket router', 'Agency "custom AI" reply ranker']);
    const profile = await t.call('jobProfiles.get', { workloadId: router.workloadId });
    expect(profile?.sources.behavior).toBe('workshop');
  });
});
