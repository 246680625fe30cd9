// Workshop channels through dispatch on a real SQLite file: capture, undo, live session, plan changes, refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

async function workspace(): Promise<TestApp> {
  const t = await aWorkspace({ today: '2026-11-25' });
  open.push(t);
  return t;
}

/** A client with workloads and a workshop whose agenda has an intro, a classify item per workload and a vote. */
async function aWorkshop(t: TestApp, workloads = ['Patient FAQ', 'Claims routing']) {
  const client = await t.call('clients.create', { name: 'Helix Health' });
  const ws = [];
  for (const name of workloads) ws.push(await t.call('workloads.create', { clientId: client.id, name }));
  const workshop = await t.call('workshops.create', {
    clientId: client.id, title: 'Helix triage', date: '2026-12-01', startTime: '09:30', plannedMinutes: 90,
    participants: [{ name: 'Ana Ruiz', role: 'CTO', organisation: 'Helix' }, { name: 'Ben Okafor', role: 'Facilitator', organisation: 'Agency' }],
  });
  const agenda = await t.call('workshops.saveAgenda', {
    workshopId: workshop.id,
    items: [
      { kind: 'intro', title: 'Why we are here', plannedMinutes: 5 },
      ...ws.map((w) => ({ kind: 'classify' as const, title: `Classify ${w.name}`, plannedMinutes: 10, workloadId: w.id })),
      { kind: 'vote', title: 'Priority vote', plannedMinutes: 10 },
    ],
  });
  return { client, workloads: ws, workshop, agenda };
}

describe('workshop channels', () => {
  it('undoes the deletion of a workshop with everything it captured', async () => {
    const t = await workspace();
    const { workshop, agenda, workloads } = await aWorkshop(t);
    const vote = agenda.find((i) => i.kind === 'vote')!;
    await t.call('workshops.addNote', { workshopId: workshop.id, itemId: agenda[0].id, text: 'Sunset is tight' });
    await t.call('workshops.addDecision', { workshopId: workshop.id, text: 'FAQ moves to retrieval', workloadId: workloads[0].id, approach: 'rag' });
    await t.call('workshops.addAction', { workshopId: workshop.id, text: 'Export the FAQ corpus', owner: 'Ana Ruiz', dueDate: '2026-12-05' });
    await t.call('workshops.castVotes', { itemId: vote.id, participant: 'Ana Ruiz', dots: { [`w:${workloads[1].id}`]: 2, [`w:${workloads[0].id}`]: 1 } });
    await t.call('workshops.acceptClassification', { itemId: agenda[1].id, answers: { knowledge: 'central', knowledgeChange: 'weekly' } });
    const before = await t.call('workshops.get', { id: workshop.id });

    await t.call('workshops.delete', { id: workshop.id });
    expect(await t.call('workshops.list', {})).toEqual([]);
    await t.call('history.undo', {});

    const after = await t.call('workshops.get', { id: workshop.id });
    expect(after).toEqual(before);
    expect(after.notes).toHaveLength(1);
    expect(after.votes).toHaveLength(2);
    expect(after.classifications).toHaveLength(1);
  });

  it('keeps the session live: saved at once, resumed after reopening, never on the undo stack', async () => {
    const t = await workspace();
    const { workshop, agenda } = await aWorkshop(t);
    await t.call('workshops.session', { workshopId: workshop.id, action: 'start', at: '2026-12-01T09:30:00Z' });
    await t.call('workshops.session', { workshopId: workshop.id, action: 'next', at: '2026-12-01T09:37:00Z' });
    await t.call('workshops.addDecision', { workshopId: workshop.id, text: 'Keep the FAQ answers in English only' });
    await t.call('workshops.session', { workshopId: workshop.id, action: 'timerPause', at: '2026-12-01T09:40:30Z' });

    // Ctrl+Z takes back the decision, not the presenter's moves.
    await t.call('history.undo', {});
    let detail = await t.call('workshops.get', { id: workshop.id });
    expect(detail.decisions).toEqual([]);
    expect(detail.workshop.currentItemId).toBe(agenda[1].id);

    // Close and reopen the file, as after quitting the app.
    t.app.ctx.workspace.close();
    t.app.ctx.workspace.open(t.file);
    detail = await t.call('workshops.get', { id: workshop.id });
    expect(detail.workshop.status).toBe('running');
    expect(detail.workshop.currentItemId).toBe(agenda[1].id);
    const [intro, classify] = detail.agenda;
    expect(intro).toMatchObject({ startedAt: '2026-12-01T09:30:00Z', endedAt: '2026-12-01T09:37:00Z', elapsedSeconds: 420, runningSince: null });
    expect(classify).toMatchObject({ startedAt: '2026-12-01T09:37:00Z', elapsedSeconds: 210, runningSince: null, endedAt: null });
    expect(t.app.ctx.workspace.info()?.canUndo).toBe(false);

    // Resuming counts on from where the timer stopped.
    await t.call('workshops.session', { workshopId: workshop.id, action: 'timerStart', at: '2026-12-01T10:00:00Z' });
    detail = await t.call('workshops.session', { workshopId: workshop.id, action: 'finish', at: '2026-12-01T10:01:00Z' });
    expect(detail.workshop.status).toBe('finished');
    expect(detail.agenda[1]).toMatchObject({ elapsedSeconds: 270, runningSince: null, endedAt: '2026-12-01T10:01:00Z' });
  });

  it('undoing an edit of the workshop leaves the running session where it is', async () => {
    const t = await workspace();
    const { workshop, agenda } = await aWorkshop(t);
    await t.call('workshops.session', { workshopId: workshop.id, action: 'start', at: '2026-12-01T09:30:00Z' });
    await t.call('workshops.update', { ...workshop, title: 'Helix triage, day 1' });
    await t.call('workshops.session', { workshopId: workshop.id, action: 'next', at: '2026-12-01T09:36:00Z' });
    await t.call('history.undo', {});
    const detail = await t.call('workshops.get', { id: workshop.id });
    expect(detail.workshop.title).toBe('Helix triage');
    expect(detail.workshop).toMatchObject({ status: 'running', currentItemId: agenda[1].id });
    expect(detail.agenda[0]).toMatchObject({ elapsedSeconds: 360, endedAt: '2026-12-01T09:36:00Z' });
  });

  it('accepting a classification saves the answers as a workshop profile, changes the recommendation and can be undone', async () => {
    const t = await workspace();
    const { workshop, agenda, workloads } = await aWorkshop(t);
    const record = await t.call('workshops.acceptClassification', { itemId: agenda[1].id, answers: { knowledge: 'central', knowledgeChange: 'daily', format: 'partly' } });
    expect(record.before.components).toEqual([]);
    expect(record.after.components).toContainEqual({ job: 'knowledge', approach: 'rag' });
    expect(record.after.rules.map((r) => r.id)).toContain('R1');

    const profile = await t.call('jobProfiles.get', { workloadId: workloads[0].id });
    expect(profile?.sources.knowledge).toBe('workshop');
    expect(profile?.evidence.some((e) => e.includes('Workshop "Helix triage"') && e.includes('item "Classify Patient FAQ"'))).toBe(true);
    const plan = (await t.call('plan.portfolio', {})).workloads.find((w) => w.workload.id === workloads[0].id)!;
    expect(plan.recommendation.architecture).toBe(record.after.architecture);

    const audit = await t.call('audit.list', {});
    expect(audit.some((a) => a.entity === 'job_profiles')).toBe(true);
    expect(audit.some((a) => a.entity === 'workshop_classifications')).toBe(true);

    await t.call('history.undo', {});
    expect(await t.call('jobProfiles.get', { workloadId: workloads[0].id })).toBeNull();
    expect((await t.call('workshops.get', { id: workshop.id })).classifications).toEqual([]);
  });

  it('applying a vote ranks the workloads and moves a capacity-limited plan', async () => {
    const t = await workspace();
    const { agenda, workloads } = await aWorkshop(t, ['Alpha search', 'Beta routing', 'Gamma tone']);
    const policy = await t.call('policy.get', {});
    await t.call('policy.update', { ...policy, capacity: 1 });
    const ends = async () => new Map((await t.call('plan.portfolio', {})).workloads.map((w) => [w.workload.name, w.plan.end]));
    const before = await ends();
    // Capacity 1 serves one workload at a time: the one that ends last today is voted first.
    const last = [...before.entries()].sort((a, b) => b[1].localeCompare(a[1]))[0][0];
    const lastId = workloads.find((w) => w.name === last)!.id;
    const vote = agenda.find((i) => i.kind === 'vote')!;
    await t.call('workshops.castVotes', { itemId: vote.id, participant: 'Ana Ruiz', dots: { [`w:${lastId}`]: 3 } });
    await t.call('workshops.castVotes', { itemId: vote.id, participant: 'Ben Okafor', dots: { [`w:${lastId}`]: 1, [`w:${workloads[0].id === lastId ? workloads[1].id : workloads[0].id}`]: 2 } });

    const { workloads: ranked, summary } = await t.call('workshops.applyVote', { itemId: vote.id });
    expect(ranked.find((w) => w.id === lastId)?.priorityRank).toBe(1);
    expect(ranked.filter((w) => w.priorityRank === 2)).toHaveLength(1);
    expect(ranked.filter((w) => w.priorityRank === null)).toHaveLength(1);
    const after = await ends();
    expect(after.get(last)! < before.get(last)!).toBe(true);
    expect(summary).toContain(`${last} now ends ${after.get(last)}`);
    expect(summary).toMatch(/^Priority order: /);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const t = await workspace();
    const { workshop, agenda, workloads } = await aWorkshop(t);
    const vote = agenda.find((i) => i.kind === 'vote')!;
    const snapshot = async () => JSON.stringify(await t.call('workshops.get', { id: workshop.id }));
    const before = await snapshot();
    const auditBefore = (await t.call('audit.list', {})).length;

    const long = await t.fail('workshops.saveAgenda', { workshopId: workshop.id, items: Array.from({ length: 5 }, (_, i) => ({ kind: 'free', title: `Block ${i}`, plannedMinutes: 100 })) });
    expect(long).toMatchObject({ field: 'items' });
    expect(long.message).toMatch(/longer than a working day/);
    const overPlanned = await t.fail('workshops.saveAgenda', { workshopId: workshop.id, items: [{ kind: 'free', title: 'Long talk', plannedMinutes: 120 }] });
    expect(overPlanned.message).toMatch(/longer than the workshop's planned 90 minutes/);
    const shorter = await t.fail('workshops.update', { ...(await t.call('workshops.get', { id: workshop.id })).workshop, plannedMinutes: 30 });
    expect(shorter).toMatchObject({ field: 'plannedMinutes' });

    const dots = await t.fail('workshops.castVotes', { itemId: vote.id, participant: 'Ana Ruiz', dots: { [`w:${workloads[0].id}`]: 2, [`w:${workloads[1].id}`]: 2 } });
    expect(dots).toMatchObject({ field: 'dots' });
    expect(dots.message).toMatch(/Ana Ruiz gave 4 dots; each participant has 3/);

    const owner = await t.fail('workshops.addAction', { workshopId: workshop.id, text: 'Export the corpus', owner: '  ', dueDate: '2026-12-05' });
    expect(owner).toMatchObject({ field: 'owner' });
    const due = await t.fail('workshops.addAction', { workshopId: workshop.id, text: 'Export the corpus', owner: 'Ana Ruiz', dueDate: '2026-11-30' });
    expect(due).toMatchObject({ field: 'dueDate' });
    expect(due.message).toMatch(/before the workshop \(2026-12-01\)/);

    expect(await snapshot()).toBe(before);
    expect((await t.call('audit.list', {})).length).toBe(auditBefore);
  });

  it('builds the triage template from the client\'s workloads, adding up to 90 minutes', async () => {
    const t = await workspace();
    const client = await t.call('clients.create', { name: 'Northwind' });
    for (let i = 1; i <= 10; i++) await t.call('workloads.create', { clientId: client.id, name: `Workload ${String(i).padStart(2, '0')}` });
    const detail = await t.call('workshops.createFromTemplate', { clientId: client.id, date: '2026-12-02', startTime: '10:00' });
    expect(detail.agenda.reduce((s, i) => s + i.plannedMinutes, 0)).toBe(90);
    expect(detail.agenda.filter((i) => i.kind === 'classify')).toHaveLength(8);
    expect(detail.agenda.find((i) => i.kind === 'plan')?.title).toMatch(/later: /);
    expect(detail.workshop).toMatchObject({ title: 'Northwind: migration triage', plannedMinutes: 90, status: 'planned' });
  });

  it('duplicates a workshop that has run as a fresh, planned one with the same agenda and nothing captured', async () => {
    const t = await workspace();
    const { workshop } = await aWorkshop(t);
    await t.call('workshops.session', { workshopId: workshop.id, action: 'start', at: '2026-12-01T09:30:00Z' });
    await t.call('workshops.session', { workshopId: workshop.id, action: 'finish', at: '2026-12-01T09:40:00Z' });
    await t.call('workshops.addDecision', { workshopId: workshop.id, text: 'Go' });
    const copy = await t.call('workshops.duplicate', { id: workshop.id });
    expect(copy.workshop).toMatchObject({ title: 'Helix triage (copy)', status: 'planned', currentItemId: null, participants: workshop.participants });
    expect(copy.agenda.map((i) => [i.title, i.plannedMinutes, i.startedAt, i.elapsedSeconds])).toEqual([
      ['Why we are here', 5, null, 0], ['Classify Patient FAQ', 10, null, 0], ['Classify Claims routing', 10, null, 0], ['Priority vote', 10, null, 0],
    ]);
    expect(copy.decisions).toEqual([]);
  });

  it('deletes a workload that a workshop talks about, keeping the workshop, and undoes it', async () => {
    const t = await workspace();
    const { workshop, agenda, workloads } = await aWorkshop(t);
    await t.call('workshops.addDecision', { workshopId: workshop.id, text: 'Retire the FAQ', workloadId: workloads[0].id });
    await t.call('workshops.acceptClassification', { itemId: agenda[1].id, answers: { style: 'central' } });
    await t.call('workloads.delete', { id: workloads[0].id });
    const detail = await t.call('workshops.get', { id: workshop.id });
    expect(detail.decisions[0].workloadId).toBeNull();
    expect(detail.agenda[1].workloadId).toBeNull();
    await t.call('history.undo', {});
    const restored = await t.call('workshops.get', { id: workshop.id });
    expect(restored.decisions[0].workloadId).toBe(workloads[0].id);
    expect(restored.classifications).toHaveLength(1);
  });
});
