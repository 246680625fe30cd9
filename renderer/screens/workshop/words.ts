// Words for workshop mode's enumerations.
import type { AgendaKind } from '../../../shared/workshop/types.ts';

export const kindLabel: Record<AgendaKind, string> = {
  intro: 'Intro', classify: 'Classify', evidence: 'Evidence', vote: 'Vote', plan: 'Plan review', decisions: 'Decisions', break: 'Break', free: 'Free',
};
