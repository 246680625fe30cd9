// The evaluations rule R8 reads for one workload, fetched only when its recommendation selected a candidate, so a live
// preview of draft answers (the Decision panel, a workshop's classify item) agrees with the saved recommendation.
import { useEffect, useState } from 'react';
import { invoke } from '../../ipc.ts';
import type { Evaluation } from '../../../shared/domain/types.ts';
import type { PortfolioWorkload } from '../../../shared/portfolio.ts';

export function useEvaluations(workloadId: number, row: PortfolioWorkload | undefined): Evaluation[] {
  const [evaluations, setEvaluations] = useState<Evaluation[]>([]);
  const hasSelection = row?.recommendation.trace.some((t) => t.ruleId === 'R8') ?? false;
  useEffect(() => {
    if (!hasSelection) return undefined;
    let live = true;
    void invoke('evaluations.matrix', { workloadId }).then((r) => {
      if (live && r.ok) setEvaluations(r.value.evaluations);
    });
    return () => { live = false; };
  }, [workloadId, hasSelection]);
  return evaluations;
}
