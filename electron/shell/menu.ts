// The application menu: File, Edit, View, Help with the usual shortcuts; commands go to the renderer.
import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

export function buildMenu(getWindow: () => BrowserWindow | null, recent: () => string[], openRecent: (file: string) => void): void {
  const send = (command: string) => () => getWindow()?.webContents.send('offramp:command', command);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Workspace…', accelerator: 'CmdOrCtrl+N', click: send('workspace.new') },
        { label: 'New from Sample…', click: send('workspace.newSample') },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: send('workspace.open') },
        {
          label: 'Open Recent',
          submenu: recent().length
            ? recent().map((file) => ({ label: file, click: () => openRecent(file) }))
            : [{ label: 'No recent workspaces', enabled: false }],
        },
        { label: 'Save a Copy…', accelerator: 'CmdOrCtrl+Shift+S', click: send('workspace.saveCopy') },
        { type: 'separator' },
        { label: 'Export Roadmap PDF…', accelerator: 'CmdOrCtrl+P', click: send('export.roadmap') },
        { label: 'Export Milestones (.ics)…', click: send('export.ics') },
        { label: 'Export Plan (CSV)…', click: send('export.csv') },
        { label: 'Export Workspace (JSON)…', click: send('export.json') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('edit.undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('edit.redo') },
        { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { label: 'Clients', accelerator: 'CmdOrCtrl+1', click: send('navigate:/clients') },
        { label: 'Workloads', accelerator: 'CmdOrCtrl+2', click: send('navigate:/workloads') },
        { label: 'Contracts & Commitments', accelerator: 'CmdOrCtrl+3', click: send('navigate:/agreements') },
        { label: 'Plan', accelerator: 'CmdOrCtrl+4', click: send('navigate:/plan') },
        { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: send('navigate:/settings') },
        { type: 'separator' },
        { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Help',
      submenu: [
        { label: 'Offramp README', click: () => void shell.openPath(app.getAppPath() + '/README.md') },
        { label: `Offramp ${app.getVersion()}`, enabled: false },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
