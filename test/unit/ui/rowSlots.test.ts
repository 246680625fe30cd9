// Which DOM row shows which table row while the virtualized workload table scrolls.
import { describe, expect, it } from 'vitest';
import { assignSlots, noSlots, type RowSlots } from '../../../renderer/screens/workloads/rowSlots.ts';

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const keysOf = (s: RowSlots, indices: number[]) => indices.map((i) => s.byIndex.get(i));

describe('assignSlots', () => {
  it('gives every rendered row its own slot', () => {
    const s = assignSlots(noSlots(), range(0, 20));
    expect(new Set(keysOf(s, range(0, 20))).size).toBe(20);
  });

  it('keeps the slot of a row that stays in view while the table scrolls a little', () => {
    const first = assignSlots(noSlots(), range(0, 20));
    const next = assignSlots(first, range(3, 20));
    for (const i of range(3, 17)) expect(next.byIndex.get(i)).toBe(first.byIndex.get(i));
    // The three rows that came into view reuse the three slots that left, so no new element is made.
    expect(new Set(keysOf(next, range(3, 20)))).toEqual(new Set(keysOf(first, range(0, 20))));
  });

  it('reuses every slot in DOM order when a fling jumps further than the window, so no element moves', () => {
    const first = assignSlots(noSlots(), range(100, 20));
    const next = assignSlots(first, range(130, 20));
    expect(keysOf(next, range(130, 20))).toEqual(keysOf(first, range(100, 20)));
    expect(next.next).toBe(first.next);
  });

  it('adds slots when the window grows and drops them when it shrinks', () => {
    const first = assignSlots(noSlots(), range(0, 10));
    const grown = assignSlots(first, range(0, 14));
    expect(new Set(keysOf(grown, range(0, 14))).size).toBe(14);
    const shrunk = assignSlots(grown, range(0, 8));
    expect(shrunk.byIndex.size).toBe(8);
  });

  it('never hands the focused row\'s slot to another workload', () => {
    const first = assignSlots(noSlots(), range(0, 20));
    const focusedSlot = first.byIndex.get(5)!;
    const next = assignSlots(first, range(40, 20), focusedSlot);
    expect(keysOf(next, range(40, 20))).not.toContain(focusedSlot);
    expect(new Set(keysOf(next, range(40, 20))).size).toBe(20);
  });
});
