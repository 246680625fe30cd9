// Workshops made by earlier versions (schema 1 files, version-1 JSON) and the workspace JSON round trip.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkspaceFile } from '../../../electron/db/open.ts';
import { MIGRATIONS } from '../../../electron/db/migrations/index.ts';
import { exportSnapshot } from '../../../electron/db/snapshot.ts';
import { getWorkshopDetail, listWorkshops } from '../../../electron/db/workshops.ts';
import { fillWorkspace } from '../../../electron/services/fill.ts';
import { snapshotSchema } from '../../../shared/domain/snapshotSchema.ts';
import { checkWorkshopReferences } from '../../../shared/domain/snapshotWorkshops.ts';
import { aWorkspace, type TestApp } from '../../support/app.ts';
import { tempDir } from '../../support/tmp.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

const legacyWorkshop = {
  id: 7, clientId: 1, title: 'Kick-off', date: '2026-10-01',
  agenda: [{ title: 'Context', minutes: 15, done: true }, { title: 'Inventory', minutes: 30, done: true }],
  participants: ['Ana Ruiz', 'Ben Okafor'], notes: 'Ana owns the FAQ corpus',
  decisions: [{ at: '2026-10-01T10:00:00Z', text: 'Start with the FAQ', workloadId: 3 }],
};

describe('workshops from earlier versions', () => {
  it('migrates a schema-1 workshop into agenda items, participants, a note and decisions', () => {
    const file = path.join(tempDir(), 'old.offramp');
    const v1 = openWorkspaceFile(file, { create: true, migrations: MIGRATIONS.slice(0, 1) }).db;
    v1.prepare("INSERT INTO clients (id, name, notes, created_at, updated_at) VALUES (1, 'Helix', '', 'x', 'x')").run();
    v1.prepare(`INSERT INTO workloads (id, client_id, name, kind, criticality, deployment, regulated, audit_trail_required, monthly_volume,
      pairwise_feedback, knowledge_change_frequency, created_at, updated_at) VALUES (3, 1, 'FAQ', 'product', 'important', 'cloud', 0, 0, 0, 0, 'monthly', 'x', 'x')`).run();
    v1.prepare('INSERT INTO workshops (id, client_id, title, date, agenda, participants, notes, decisions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(7, 1, 'Kick-off', '2026-10-01', JSON.stringify(legacyWorkshop.agenda), JSON.stringify(legacyWorkshop.participants), legacyWorkshop.notes, JSON.stringify(legacyWorkshop.decisions));
    v1.close();

    const { db } = openWorkspaceFile(file);
    const detail = getWorkshopDetail(db, 7);
    expect(detail.workshop).toMatchObject({ title: 'Kick-off', startTime: '09:30', plannedMinutes: 45, status: 'finished', dotsPerParticipant: 3 });
    expect(detail.workshop.participants).toEqual([{ name: 'Ana Ruiz', role: '', organisation: '' }, { name: 'Ben Okafor', role: '', organisation: '' }]);
    expect(detail.agenda.map((i) => [i.kind, i.title, i.plannedMinutes])).toEqual([['free', 'Context', 15], ['free', 'Inventory', 30]]);
    expect(detail.notes.map((n) => n.text)).toEqual(['Ana owns the FAQ corpus']);
    expect(detail.decisions).toMatchObject([{ text: 'Start with the FAQ', workloadId: 3 }]);
    expect((db.prepare('SELECT priority_rank FROM workloads WHERE id = 3').get() as { priority_rank: unknown }).priority_rank).toBeNull();
    db.close();
  });

  it('imports a version-1 workspace JSON with old-shape workshops', async () => {
    const t = await aWorkspace();
    open.push(t);
    const json = {
      format: 'offramp-workspace', version: 1, clients: [{ id: 1, name: 'Helix' }], workloads: [{ id: 3, clientId: 1, name: 'FAQ' }],
      workshops: [legacyWorkshop],
    };
    fillWorkspace(t.app.ctx.workspace, 'import', snapshotSchema.parse(json), { replacePolicy: false });
    const [w] = listWorkshops(t.app.ctx.workspace.database());
    const detail = getWorkshopDetail(t.app.ctx.workspace.database(), w.id);
    expect(detail.agenda).toHaveLength(2);
    expect(detail.decisions[0].workloadId).toBe((await t.call('workloads.list', {}))[0].id);
  });

  it('names the field of a bad workshop in a version-2 file', () => {
    const bad = snapshotSchema.safeParse({
      format: 'offramp-workspace', version: 2, clients: [{ id: 1, name: 'Helix' }], workloads: [],
      workshops: [{ id: 1, clientId: 1, title: 'T', date: '2026-12-01', startTime: '09:30', plannedMinutes: 90, actions: [{ text: 'x', owner: '', dueDate: '2026-12-02', at: 'x' }] }],
    });
    expect(bad.success).toBe(false);
    const issue = bad.error!.issues[0];
    expect(issue.path.join('.')).toBe('workshops.0.actions.0.owner');
    expect(issue.message).toBe('An action needs an owner');
  });
});

describe('workshops in the workspace JSON', () => {
  it('exports everything a workshop captured and imports it with new ids', async () => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Helix' });
    const faq = await t.call('workloads.create', { clientId: client.id, name: 'FAQ' });
    const workshop = await t.call('workshops.create', { clientId: client.id, title: 'Triage', date: '2026-12-01', participants: [{ name: 'Ana' }], nextReviewDate: '2027-01-10' });
    const [classify, vote] = await t.call('workshops.saveAgenda', { workshopId: workshop.id, items: [
      { kind: 'classify', title: 'Classify FAQ', plannedMinutes: 20, workloadId: faq.id },
      { kind: 'vote', title: 'Vote', plannedMinutes: 10 },
    ] });
    await t.call('workshops.session', { workshopId: workshop.id, action: 'start', at: '2026-12-01T09:30:00Z' });
    await t.call('workshops.acceptClassification', { itemId: classify.id, answers: { knowledge: 'central' } });
    await t.call('workshops.castVotes', { itemId: vote.id, participant: 'Ana', dots: { [`w:${faq.id}`]: 3 } });
    await t.call('workshops.addDecision', { workshopId: workshop.id, itemId: classify.id, text: 'FAQ to retrieval', workloadId: faq.id, approach: 'rag' });
    await t.call('workshops.addAction', { workshopId: workshop.id, text: 'Index the FAQ', owner: 'Ana', dueDate: '2026-12-10' });
    await t.call('workshops.addNote', { workshopId: workshop.id, text: 'Corpus is in SharePoint' });
    const exported = exportSnapshot(t.app.ctx.workspace.database(), 'now');
    expect(exported.version).toBe(2);
    expect(exported.workshops[0]).toMatchObject({ title: 'Triage', currentItemId: classify.id, nextReviewDate: '2027-01-10' });

    // Into a workspace that already has rows, so every id moves.
    const other = await aWorkspace();
    open.push(other);
    const filler = await other.call('clients.create', { name: 'Filler' });
    await other.call('workloads.create', { clientId: filler.id, name: 'Filler workload' });
    fillWorkspace(other.app.ctx.workspace, 'import', snapshotSchema.parse(JSON.parse(JSON.stringify(exported))), { replacePolicy: false });
    const db = other.app.ctx.workspace.database();
    const [copy] = listWorkshops(db).filter((w) => w.title === 'Triage');
    const detail = getWorkshopDetail(db, copy.id);
    const newFaq = (await other.call('workloads.list', {})).find((w) => w.name === 'FAQ')!;
    expect(newFaq.id).not.toBe(faq.id);
    expect(detail.agenda[0]).toMatchObject({ workloadId: newFaq.id, startedAt: '2026-12-01T09:30:00Z' });
    expect(detail.workshop.currentItemId).toBe(detail.agenda[0].id);
    expect(detail.votes).toEqual([{ itemId: detail.agenda[1].id, participant: 'Ana', optionKey: `w:${newFaq.id}`, dots: 3 }]);
    expect(detail.classifications[0]).toMatchObject({ itemId: detail.agenda[0].id, workloadId: newFaq.id, answers: { knowledge: 'central' } });
    expect(detail.decisions[0]).toMatchObject({ itemId: detail.agenda[0].id, workloadId: newFaq.id, approach: 'rag' });
    expect(detail.actions[0]).toMatchObject({ owner: 'Ana', dueDate: '2026-12-10' });
    expect(detail.notes[0].text).toBe('Corpus is in SharePoint');
  });
});

describe('references inside a workshop of a workspace JSON', () => {
  const base = { id: 1, clientId: 1, title: 'T', date: '2026-12-01', startTime: '09:30', plannedMinutes: 90, agenda: [{ id: 5, kind: 'vote', title: 'Vote', plannedMinutes: 10 }] };
  const check = (w: object) => checkWorkshopReferences(snapshotSchema.parse({ format: 'offramp-workspace', version: 2, clients: [{ id: 1, name: 'H' }], workloads: [{ id: 3, clientId: 1, name: 'FAQ' }], workshops: [w] }).workshops, new Set([3]));

  it('are found before anything is written, with the JSON path of the field', () => {
    expect(check(base)).toBeNull();
    expect(check({ ...base, votes: [{ itemId: 5, participant: 'Ana', optionKey: 'w:3', dots: 1 }] })).toBeNull();
    expect(check({ ...base, decisions: [{ itemId: 6, text: 'x', at: 'x' }] })).toEqual({ path: ['workshops', 0, 'decisions', 0, 'itemId'], message: 'refers to agenda item 6, which is not on this workshop\'s agenda' });
    expect(check({ ...base, votes: [{ itemId: 5, participant: 'Ana', optionKey: 'w:9', dots: 1 }] })?.path).toEqual(['workshops', 0, 'votes', 0, 'optionKey']);
    expect(check({ ...base, agenda: [...base.agenda, { ...base.agenda[0] }] })?.message).toMatch(/agenda item id 5 is also used by agenda\[0\]/);
  });
});
