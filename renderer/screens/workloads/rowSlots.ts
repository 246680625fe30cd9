// Which DOM row (slot) shows which table row while a virtualized table scrolls. A row that stays in view keeps its
// slot, so it is neither re-rendered nor moved; rows coming into view take the slots of rows that left, in the order
// those slots already sit in the DOM. A fast fling (more rows a frame than are in view) therefore reuses every row
// element in place, with new text and no DOM node created, removed or moved; a slow scroll moves only the few slots
// that wrap from one end to the other.

export interface RowSlots {
  /** Table row index → slot key, for the rows of the last render. */
  byIndex: Map<number, number>;
  /** The next slot key never used yet (for a window that grew, or after retiring a slot). */
  next: number;
}

export const noSlots = (): RowSlots => ({ byIndex: new Map(), next: 0 });

/**
 * Slots for `indices` (ascending, the rows to render) given the previous assignment. `retire` names a slot that must
 * not be reused for another row (the one holding keyboard focus): it gets no new row, so its element unmounts and
 * focus leaves with the row it was on, rather than staying on a link that now names another workload.
 */
export function assignSlots(prev: RowSlots, indices: readonly number[], retire?: number): RowSlots {
  const byIndex = new Map<number, number>();
  const wanted = new Set(indices);
  const free: number[] = [];
  for (const [index, slot] of prev.byIndex) if (!wanted.has(index) && slot !== retire) free.push(slot);
  let next = prev.next;
  let f = 0;
  for (const index of indices) {
    const kept = prev.byIndex.get(index);
    byIndex.set(index, kept ?? (f < free.length ? free[f++] : next++));
  }
  return { byIndex, next };
}
