// Team capacity: at most N workloads in steps 3–5 on any working day. Slots are found in near-linear time.
/**
 * Usage per working day (indexed from `base`), plus a "next day that is not full" pointer per day with
 * path compression: a full day stays full (usage only grows), so each search skips full runs in one hop
 * instead of rescanning them for every workload — thousands of workloads would otherwise be O(n²).
 */
export class CapacityBoard {
  private usage = new Int32Array(1024);
  private nextOpen = new Int32Array(1024);

  constructor(readonly capacity: number, private readonly base: number) {
    for (let i = 0; i < this.nextOpen.length; i++) this.nextOpen[i] = i;
  }

  private grow(to: number): void {
    if (to < this.usage.length) return;
    let length = this.usage.length;
    while (length <= to) length *= 2;
    const usage = new Int32Array(length);
    usage.set(this.usage);
    const next = new Int32Array(length);
    next.set(this.nextOpen);
    for (let i = this.nextOpen.length; i < length; i++) next[i] = i;
    this.usage = usage;
    this.nextOpen = next;
  }

  private findOpen(rel: number): number {
    this.grow(rel);
    let root = rel;
    while (this.nextOpen[root] !== root) {
      root = this.nextOpen[root];
      this.grow(root);
    }
    while (this.nextOpen[rel] !== root) {
      const next = this.nextOpen[rel];
      this.nextOpen[rel] = root;
      rel = next;
    }
    return root;
  }

  /** The first working-day index ≥ desired where `length` consecutive days each have a free slot. */
  earliestSlot(desired: number, length: number): number {
    let start = this.findOpen(Math.max(0, desired - this.base));
    for (let p = start; p < start + length; p++) {
      const open = this.findOpen(p);
      if (open !== p) {
        start = open;
        p = open - 1; // restart the window check at the next open day
        continue;
      }
    }
    return start + this.base;
  }

  reserve(start: number, length: number): void {
    const from = start - this.base;
    this.grow(from + length + 1);
    for (let p = from; p < from + length; p++) {
      this.usage[p] += 1;
      if (this.usage[p] >= this.capacity) this.nextOpen[p] = p + 1;
    }
  }

  /** Workloads in steps 3–5 on a working-day index (for tests). */
  usageAt(index: number): number {
    const rel = index - this.base;
    return rel >= 0 && rel < this.usage.length ? this.usage[rel] : 0;
  }
}
