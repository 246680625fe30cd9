// A workload's Decision tab: the questionnaire, its job profile, the recommendation and what it does to the plan.
import { useInventory } from '../../stores/inventory.ts';
import { WorkloadPageHead, WorkloadRoute } from '../evaluation/WorkloadTabs.tsx';
import { DecisionSlot } from './DecisionSlot.tsx';

export function WorkloadDecisionScreen({ params }: { params: { id: string } }) {
  return <WorkloadRoute id={params.id} view={DecisionPage} />;
}

function DecisionPage({ workloadId, name }: { workloadId: number; name: string }) {
  const workload = useInventory((s) => s.workloads.find((w) => w.id === workloadId) ?? null);
  return (
    <div className="page page--narrow">
      <WorkloadPageHead
        workloadId={workloadId} name={name} tab="decision" page="Decision"
        description="Answer what the fine-tuned model really does; the recommendation and the plan follow, rule by rule."
      />
      {workload ? <DecisionSlot workload={workload} /> : null}
    </div>
  );
}
