import { describe, expect, it } from 'vitest';
import { agendaMinutes } from '../../../shared/workshop/agenda.ts';
import { triageTemplate } from '../../../shared/workshop/template.ts';

const workloads = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `W${String(i + 1).padStart(2, '0')}`, slackDays: 40 - i * 3 }));

describe('the 90-minute triage template', () => {
  it.each([0, 1, 2, 3, 5, 8, 12])('adds up to exactly 90 minutes with %i workloads', (n) => {
    const t = triageTemplate('Helix', workloads(n));
    expect(agendaMinutes(t.items)).toBe(90);
    expect(t.items.every((i) => i.plannedMinutes >= 5)).toBe(true);
  });

  it('runs intro, classify items, the vote, the plan review, then decisions', () => {
    expect(triageTemplate('Helix', workloads(2)).items.map((i) => i.kind)).toEqual(['intro', 'classify', 'classify', 'vote', 'plan', 'decisions']);
  });

  it('classifies the least slack first, at most 8, and lists the rest as later in the plan item', () => {
    const t = triageTemplate('Helix', [...workloads(10), { id: 99, name: 'No plan yet', slackDays: null }]);
    const classify = t.items.filter((i) => i.kind === 'classify');
    expect(classify.map((i) => i.workloadId)).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);
    expect(t.later.map((w) => w.name)).toEqual(['W02', 'W01', 'No plan yet']);
    expect(t.items.find((i) => i.kind === 'plan')?.title).toBe('Plan review (later: W02, W01, No plan yet)');
  });

  it('gives fewer workloads more time each', () => {
    const minutes = (n: number) => triageTemplate('Helix', workloads(n)).items.find((i) => i.kind === 'classify')?.plannedMinutes;
    expect(minutes(2)).toBeGreaterThan(minutes(8) as number);
  });
});
