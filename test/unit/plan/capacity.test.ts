import { describe, it, expect } from 'vitest';
import { CapacityBoard } from '../../../shared/plan/capacity.ts';

describe('the capacity board', () => {
  it('finds the first window where every day has a free slot, filling gaps before later work', () => {
    const board = new CapacityBoard(1, 100);
    board.reserve(110, 5); // days 110–114 taken
    expect(board.earliestSlot(108, 3)).toBe(115); // 108–110 would overlap
    expect(board.earliestSlot(105, 5)).toBe(105); // 105–109 fits before
    expect(board.earliestSlot(100, 20)).toBe(115);
  });

  it('allows as many workloads at once as the capacity', () => {
    const board = new CapacityBoard(2, 0);
    board.reserve(0, 10);
    expect(board.earliestSlot(0, 10)).toBe(0);
    board.reserve(0, 10);
    expect(board.earliestSlot(3, 4)).toBe(10);
    expect(board.usageAt(5)).toBe(2);
    expect(board.usageAt(10)).toBe(0);
  });

  it('grows past its first thousand days', () => {
    const board = new CapacityBoard(1, 0);
    for (let i = 0; i < 300; i++) board.reserve(board.earliestSlot(0, 10), 10);
    expect(board.earliestSlot(0, 10)).toBe(3_000);
    expect(board.usageAt(2_999)).toBe(1);
  });
});
