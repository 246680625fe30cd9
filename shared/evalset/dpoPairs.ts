// Preference pairs in the common DPO JSONL shape (prompt, chosen, rejected), for training an
// open-weight adapter with preference optimisation.

import type { Example } from '../analysis/parseExample.ts';

export interface DpoPair {
  prompt: string;
  chosen: string;
  rejected: string;
}

/** The pair of a preference example, or null for an example that is not a pair. */
export function dpoPair(ex: Example): DpoPair | null {
  if (ex.format !== 'preference' || ex.replies.length === 0 || ex.rejected.length === 0) return null;
  const system = ex.system.join('\n\n');
  const user = ex.user.join('\n\n');
  return {
    prompt: system ? `${system}\n\n${user}` : user,
    chosen: ex.replies[ex.replies.length - 1].text,
    rejected: ex.rejected[ex.rejected.length - 1].text,
  };
}

export function dpoLine(pair: DpoPair): string {
  return `${JSON.stringify(pair)}\n`;
}
