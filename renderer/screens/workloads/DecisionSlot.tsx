// The Decision panel in the workload detail: questionnaire, job profile, recommendation and its effect on the plan.
import type { Workload } from '../../../shared/domain/types.ts';
import { DecisionPanel } from '../decision/DecisionPanel.tsx';

export function DecisionSlot({ workload }: { workload: Workload }) {
  return <DecisionPanel workload={workload} />;
}
