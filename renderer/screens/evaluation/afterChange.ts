// After a candidate, governance or sign-off change: undo availability and the plan (R8 may pick differently) catch up.
import { useWorkspace } from '../../stores/workspace.ts';
import { usePlan } from '../../stores/plan.ts';

export async function afterWorkloadChange(): Promise<void> {
  await Promise.all([
    useWorkspace.getState().refreshInfo(),
    usePlan.getState().refresh(),
  ]);
}
