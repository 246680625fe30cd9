// Placeholder for the plan timeline (replaced by the plan work).
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';

export function PlanScreen() {
  return (
    <div className="page">
      <PageHeader title="Plan" description="The six-step migration schedule per workload, rolled up per client." />
      <EmptyState title="The plan appears here">
        <p>Once workloads are entered, Offramp schedules the six migration steps for each one and shows whether it ends before its internal sunset date.</p>
      </EmptyState>
    </div>
  );
}
