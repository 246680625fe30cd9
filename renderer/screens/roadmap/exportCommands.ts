// File > Export… menu commands: the roadmap opens its screen (preview, paper, scope) first; the others save at once.
import { navigate } from 'wouter/use-hash-location';
import type { ErrorInfo } from '../../../shared/errors.ts';
import { invoke } from '../../ipc.ts';
import { notifyError, notifyInfo } from '../../stores/ui.ts';
import { useInventory } from '../../stores/inventory.ts';

export const ROADMAP_PATH = '/roadmap';

type FileExport = 'export.ics' | 'export.planCsv' | 'export.workspaceJson';

const WHAT: Record<FileExport, string> = {
  'export.ics': 'milestones calendar',
  'export.planCsv': 'plan CSV',
  'export.workspaceJson': 'workspace JSON',
};

/** `steps`: the calendar also gets every step end (six events per workload); off unless asked for. */
export async function exportFile(channel: FileExport, clientId?: number, options: { steps?: boolean } = {}): Promise<void> {
  const r = channel === 'export.workspaceJson'
    ? await invoke(channel, {})
    : channel === 'export.ics' ? await invoke(channel, { clientId, steps: options.steps === true }) : await invoke(channel, { clientId });
  if (!r.ok) return notifyError(r.error as ErrorInfo);
  if (r.value) notifyInfo(`Saved the ${WHAT[channel]} to ${r.value.path}`);
}

function onMenuCommand(e: Event): void {
  const command = (e as CustomEvent<string>).detail;
  const clientId = useInventory.getState().clientFilter ?? undefined;
  switch (command) {
    case 'export.roadmap': return navigate(ROADMAP_PATH);
    case 'export.ics': return void exportFile('export.ics', clientId);
    case 'export.csv': return void exportFile('export.planCsv', clientId);
    case 'export.json': return void exportFile('export.workspaceJson');
    default: return undefined;
  }
}

// The shell forwards menu commands it does not handle as 'offramp:command' events; listen once, whatever screen is open.
if (typeof window !== 'undefined') window.addEventListener('offramp:command', onMenuCommand);
