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
