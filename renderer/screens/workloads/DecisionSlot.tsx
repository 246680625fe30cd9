// Where the Decision panel (questionnaire, job profile, recommendation) goes in the workload detail; empty until that work lands.
import type { Workload } from '../../../shared/domain/types.ts';

export function DecisionSlot(_props: { workload: Workload }) {
  return null;
}
