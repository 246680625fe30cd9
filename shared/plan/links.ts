// Which commitments and contracts bind a workload: linked by id, or client-wide when they name no workload.
import type { Commitment, Contract, Workload } from '../domain/types.ts';

export function commitmentAppliesTo(commitment: Commitment, workload: Workload): boolean {
  if (commitment.workloadIds.length > 0) return commitment.workloadIds.includes(workload.id);
  return commitment.clientId === workload.clientId;
}

export function contractAppliesTo(contract: Contract, workload: Workload): boolean {
  if (contract.workloadIds.length > 0) return contract.workloadIds.includes(workload.id);
  // A contract that names no workload binds its client's workloads; a workspace-wide vendor contract binds none.
  return contract.clientId !== null && contract.clientId === workload.clientId;
}
