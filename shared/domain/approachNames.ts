// One name per approach, read by screens, the roadmap PDF, the CSV and the CLI alike.
import type { Approach } from './types.ts';

export const APPROACH_NAMES: Record<Approach, string> = {
  rag: 'Retrieval (RAG)',
  prompting: 'Prompting + structured outputs',
  open_weight: 'Open-weight adapter',
  preference: 'Preference optimization',
  multi_model: 'Multi-model stack',
};

/** The same names, shortened for narrow table cells and counts; each starts with its full name's first word. */
export const APPROACH_SHORT_NAMES: Record<Approach, string> = {
  rag: 'RAG',
  prompting: 'Prompting',
  open_weight: 'Open-weight',
  preference: 'Preference',
  multi_model: 'Multi-model',
};
