// The app's commands with their shortcuts, declared once: Electron's menu builds its accelerators from this list and the
// browser (the test host) maps key presses through the same list, so both reach the renderer as the same command.

export interface AppCommand {
  /** What the renderer receives, e.g. 'workspace.new' or 'navigate:/plan'. */
  command: string;
  label: string;
  /** Electron accelerator syntax ('CmdOrCtrl+Shift+Z'); absent when the command has no shortcut. */
  accelerator?: string;
}

export const COMMANDS = {
  newWorkspace: { command: 'workspace.new', label: 'New Workspace…', accelerator: 'CmdOrCtrl+N' },
  newSample: { command: 'workspace.newSample', label: 'New from Sample…' },
  open: { command: 'workspace.open', label: 'Open…', accelerator: 'CmdOrCtrl+O' },
  saveCopy: { command: 'workspace.saveCopy', label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S' },
  exportRoadmap: { command: 'export.roadmap', label: 'Export Roadmap PDF…', accelerator: 'CmdOrCtrl+P' },
  exportIcs: { command: 'export.ics', label: 'Export Milestones (.ics)…' },
  exportCsv: { command: 'export.csv', label: 'Export Plan (CSV)…' },
  exportJson: { command: 'export.json', label: 'Export Workspace (JSON)…' },
  undo: { command: 'edit.undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
  redo: { command: 'edit.redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
  clients: { command: 'navigate:/clients', label: 'Clients', accelerator: 'CmdOrCtrl+1' },
  workloads: { command: 'navigate:/workloads', label: 'Workloads', accelerator: 'CmdOrCtrl+2' },
  agreements: { command: 'navigate:/agreements', label: 'Contracts & Commitments', accelerator: 'CmdOrCtrl+3' },
  plan: { command: 'navigate:/plan', label: 'Plan', accelerator: 'CmdOrCtrl+4' },
  settings: { command: 'navigate:/settings', label: 'Settings', accelerator: 'CmdOrCtrl+,' },
} as const satisfies Record<string, AppCommand>;

/** Extra keys a browser user expects that the menu does not show (Ctrl+Y redoes on Windows). */
const ALSO: { accelerator: string; command: string }[] = [{ accelerator: 'CmdOrCtrl+Y', command: COMMANDS.redo.command }];

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Whether a key press matches an accelerator: CmdOrCtrl is Ctrl or ⌘ (either, so the same test runs on every OS). */
export function matchesAccelerator(accelerator: string, e: KeyPress): boolean {
  const parts = accelerator.split('+');
  const key = parts.pop()!.toLowerCase();
  const wants = new Set(parts.map((p) => p.toLowerCase()));
  if (wants.has('cmdorctrl') !== (e.ctrlKey || e.metaKey)) return false;
  if (wants.has('shift') !== e.shiftKey || wants.has('alt') !== e.altKey) return false;
  return e.key.toLowerCase() === key;
}

/** The command a key press stands for, or null. */
export function commandForKey(e: KeyPress): string | null {
  const all: { accelerator?: string; command: string }[] = [...Object.values(COMMANDS), ...ALSO];
  return all.find((c) => c.accelerator && matchesAccelerator(c.accelerator, e))?.command ?? null;
}
