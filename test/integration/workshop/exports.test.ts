// A workshop's files through dispatch: the actions calendar and the Markdown minutes (the main process asks where to save).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aWorkspace, type TestApp } from '../../support/app.ts';

let open: TestApp[] = [];
afterEach(() => {
  for (const t of open) t.app.close();
  open = [];
});

async function aWorkshopWithActions() {
  const t = await aWorkspace({ today: '2026-11-25' });
  open.push(t);
  const client = await t.call('clients.create', { name: 'Helix Health' });
  const workshop = await t.call('workshops.create', { clientId: client.id, title: 'Helix triage', date: '2026-12-01', participants: [{ name: 'Ana Ruiz' }], nextReviewDate: '2027-01-12' });
  await t.call('workshops.addAction', { workshopId: workshop.id, text: 'Export the FAQ corpus', owner: 'Ana Ruiz', dueDate: '2026-12-05' });
  await t.call('workshops.addDecision', { workshopId: workshop.id, text: 'Retrieval first' });
  return { t, workshop };
}

describe('workshop exports', () => {
  it('writes the actions and the next review as calendar events', async () => {
    const { t, workshop } = await aWorkshopWithActions();
    const file = path.join(t.dir, 'actions.ics');
    t.dialogAnswers.push(file);
    expect(await t.call('export.workshopIcs', { workshopId: workshop.id })).toEqual({ path: file });
    const ics = fs.readFileSync(file, 'utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('SUMMARY:Action (Ana Ruiz): Export the FAQ corpus');
    expect(ics).toContain('DTSTART;VALUE=DATE:20261205');
    expect(ics).toContain('SUMMARY:Review: Helix triage');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270112');
  });

  it('writes the minutes as Markdown, and nothing when the save dialog is cancelled', async () => {
    const { t, workshop } = await aWorkshopWithActions();
    expect(await t.call('export.minutesMarkdown', { workshopId: workshop.id })).toBeNull();
    const file = path.join(t.dir, 'minutes.md');
    t.dialogAnswers.push(file);
    await t.call('export.minutesMarkdown', { workshopId: workshop.id });
    const md = fs.readFileSync(file, 'utf8');
    expect(md).toContain('# Helix triage');
    expect(md).toContain('1. Retrieval first');
    expect(md).toContain('| Export the FAQ corpus | Ana Ruiz | 5 Dec 2026 |');
  });

  it('refuses a calendar with nothing in it, naming the workshop', async () => {
    const t = await aWorkspace();
    open.push(t);
    const client = await t.call('clients.create', { name: 'Helix Health' });
    const workshop = await t.call('workshops.create', { clientId: client.id, title: 'Empty', date: '2026-12-01' });
    const error = await t.fail('export.workshopIcs', { workshopId: workshop.id });
    expect(error).toMatchObject({ field: 'workshopId', message: expect.stringMatching(/no actions and no next review date/) });
  });
});
