import { describe, expect, it } from 'vitest';
import { APPROACH_NAMES } from '../../../shared/domain/approachNames.ts';
import { buildPortfolio } from '../../../shared/portfolio.ts';
import { sampleWorkspace } from '../../../shared/sample/sampleWorkspace.ts';
import { buildMinutes, type MinutesModel } from '../../../shared/workshop/minutes.ts';
import { minutesToMarkdown } from '../../../shared/workshop/minutesMarkdown.ts';
import type { WorkshopDetail } from '../../../shared/workshop/types.ts';

const TODAY = '2026-11-25';

/** The sample's finished Northwind workshop and Northwind's portfolio, with a summary on the first classification. */
function sampleMinutes(change: (d: WorkshopDetail) => void = () => {}): MinutesModel {
  const s = sampleWorkspace(TODAY);
  const { agenda, notes, decisions, actions, votes, classifications, ...workshop } = s.workshops[0];
  const detail: WorkshopDetail = { workshop, agenda, notes, decisions, actions, votes, classifications };
  change(detail);
  const scoped = { ...s, workloads: s.workloads.filter((w) => w.clientId === workshop.clientId), commitments: s.commitments.filter((c) => c.clientId === workshop.clientId) };
  return buildMinutes({ detail, clientName: 'Northwind Support', portfolio: buildPortfolio(scoped, TODAY, new Map()), commitments: scoped.commitments, today: TODAY });
}

describe('the minutes model', () => {
  it('holds the agenda with planned starts and the minutes each item actually ran', () => {
    const m = sampleMinutes();
    expect(m.agenda.map((r) => r.plannedStart)).toEqual(['09:30', '09:35', '09:50', '10:05', '10:15', '10:30']);
    expect(m.agenda[1]).toMatchObject({ title: 'Classify Ticket router', plannedMinutes: 15, actualMinutes: 19, workloadName: 'Ticket router' });
    expect(m.plannedMinutes).toBe(90);
    expect(m.actualMinutes).toBe(89);
    expect(m.plannedEnd).toBe('11:00');
  });

  it('writes answers in words and says what changed between before and after', () => {
    const m = sampleMinutes((d) => {
      d.classifications[0].before = { architecture: 'prompting', components: [{ job: 'format', approach: 'prompting' }], rules: [], planEnd: '2027-02-11', status: 'tight' };
      d.classifications[0].after = { architecture: 'multi_model', components: [{ job: 'format', approach: 'prompting' }, { job: 'behavior', approach: 'open_weight' }], rules: [{ id: 'R5', sentence: 'Behavior …' }], planEnd: '2027-02-11', status: 'tight' };
    });
    const router = m.classifications[0];
    expect(router.answers).toContainEqual({ question: 'Does it make a fixed decision from a known set (classify, route, label)?', answer: 'Yes, it is central' });
    expect(router.answers).toContainEqual({ question: 'Is the workload regulated, or must it keep an audit trail?', answer: 'No' });
    expect(router.changes).toEqual([
      `Architecture: ${APPROACH_NAMES.prompting} → ${APPROACH_NAMES.multi_model}`,
      `behavior: now ${APPROACH_NAMES.open_weight}`,
    ]);
  });

  it('tallies the vote, lists decisions and actions, and the milestones from the day it is prepared', () => {
    const m = sampleMinutes();
    expect(m.votes[0].rows.slice(0, 3).map((r) => [r.label, r.dots])).toEqual([['Support answer drafts', 5], ['Ticket router', 3], ['Agency "custom AI" reply ranker', 1]]);
    expect(m.votes[0].voters).toBe(3);
    expect(m.decisions).toHaveLength(3);
    expect(m.actions.map((a) => a.owner)).toEqual(['Sam Okafor', 'Dana Whitfield', 'Tom Brandt']);
    expect(m.milestones.every((x) => x.date >= TODAY)).toBe(true);
    expect(m.milestones.map((x) => x.title)).toContain('Action due: Export three months of routing labels for the adapter benchmark (Sam Okafor)');
    expect(m.milestones.some((x) => x.title.startsWith('Next review'))).toBe(true);
    expect(m.plan.map((p) => p.name)).toHaveLength(4);
  });
});

describe('the minutes as Markdown', () => {
  const md = minutesToMarkdown(sampleMinutes());
  const sections = md.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));

  it('has the sections of the printed minutes, in their order', () => {
    expect(md.startsWith('# Northwind Support: migration triage\n')).toBe(true);
    expect(sections).toEqual(['Participants', 'Decisions', 'Actions', 'Agenda', 'Classified workloads', 'Vote', 'Notes', 'Northwind Support\'s plan on 25 Nov 2026', 'Next milestones']);
  });

  it('carries participants, decisions and actions with owners and due dates', () => {
    expect(md).toContain('- Dana Whitfield — Support engineering lead, Northwind Support');
    expect(md).toContain('1. Ticket router moves to an open-weight adapter hosted by the platform team.');
    expect(md).toMatch(/\| Export three months of routing labels for the adapter benchmark \| Sam Okafor \| 25 Nov 2026 \|/);
    expect(md).toContain('| 2 | Classify Ticket router | 09:35 | 15 |');
  });

  it('keeps table rows whole when a cell holds a pipe or a line break', () => {
    const m = sampleMinutes((d) => { d.actions[0].text = 'Split | the export\nin two'; });
    expect(minutesToMarkdown(m)).toContain('| Split \\| the export in two | Sam Okafor |');
  });
});
