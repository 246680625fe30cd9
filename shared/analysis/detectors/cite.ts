// Example line numbers an evidence sentence cites, so a consultant can open the file at them.

export const CITED_LINES = 3;

/** Remembers a line number for a signal, up to three distinct ones. */
export function cite(lines: number[], line: number): void {
  if (lines.length < CITED_LINES && !lines.includes(line)) lines.push(line);
}

/** "(line 4)", "(lines 2, 5 and 9)", or '' when there is none. */
export function citeText(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  if (lines.length === 1) return ` (line ${lines[0]})`;
  return ` (lines ${lines.slice(0, -1).join(', ')} and ${lines[lines.length - 1]})`;
}

/** Counted in maps that stop taking new keys at a cap; false when the key was left out. */
export function bump<K>(map: Map<K, number>, key: K, cap: number): boolean {
  const n = map.get(key);
  if (n !== undefined) {
    map.set(key, n + 1);
    return true;
  }
  if (map.size >= cap) return false;
  map.set(key, 1);
  return true;
}

/**
 * Counts per key that stop taking new keys at a cap, as bump does, in one lookup per counted key (bump looks a
 * key up and then sets it): the map holds each key's slot, the counts sit in an array beside it. Iterates in the
 * order keys were first counted, like a Map; used where hundreds of thousands of words are counted.
 */
export class Tally<K> {
  private readonly slots = new Map<K, number>();
  private readonly counts: number[] = [];

  constructor(private readonly cap: number) {}

  /** Adds one to the key's count and returns its slot, or -1 when the key was left out (the cap came first). */
  add(key: K): number {
    const slot = this.slots.get(key);
    if (slot !== undefined) {
      this.counts[slot] += 1;
      return slot;
    }
    if (this.slots.size >= this.cap) return -1;
    this.slots.set(key, this.counts.length);
    this.counts.push(1);
    return this.counts.length - 1;
  }

  /** The count in a slot add returned. */
  countAt(slot: number): number {
    return this.counts[slot];
  }

  get(key: K): number | undefined {
    const slot = this.slots.get(key);
    return slot === undefined ? undefined : this.counts[slot];
  }

  get size(): number {
    return this.slots.size;
  }

  /** [key, count, slot] in the order keys were first counted. */
  *entries(): IterableIterator<[K, number, number]> {
    for (const [key, slot] of this.slots) yield [key, this.counts[slot], slot];
  }
}
