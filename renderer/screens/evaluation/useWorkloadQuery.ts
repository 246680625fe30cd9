// Fetches one workload's matrix or governance map and fetches it again after any change to the workspace (edits, imports, undo).
import { useCallback, useEffect, useState } from 'react';
import { invoke } from '../../ipc.ts';
import type { ErrorInfo } from '../../../shared/errors.ts';
import type { ChannelName, ResultOf } from '../../../shared/ipc/index.ts';
import { useInventory } from '../../stores/inventory.ts';
import { useWorkspace } from '../../stores/workspace.ts';

type WorkloadQuery = 'evaluations.matrix' | 'governance.get';

export function useWorkloadQuery<C extends WorkloadQuery & ChannelName>(channel: C, workloadId: number) {
  const [data, setData] = useState<ResultOf<C> | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  // Undo, redo and imports replace these lists: a new reference means the workspace changed under us.
  const workloads = useInventory((s) => s.workloads);
  const commitments = useInventory((s) => s.commitments);
  const canUndo = useWorkspace((s) => s.info?.canUndo);
  const canRedo = useWorkspace((s) => s.info?.canRedo);
  const [nonce, setNonce] = useState(0);
  const reload = useCallback(() => setNonce((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    void invoke(channel, { workloadId } as never).then((r) => {
      if (!live) return;
      if (r.ok) {
        setData(r.value as ResultOf<C>);
        setError(null);
      } else setError(r.error);
    });
    return () => { live = false; };
  }, [channel, workloadId, workloads, commitments, canUndo, canRedo, nonce]);

  return { data, error, reload };
}
