// The application menu: File, Edit, View, Help with the usual shortcuts; commands go to the renderer.
import { Menu, app, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, type AppCommand } from '../../shared/commands.ts';

export function buildMenu(getWindow: () => BrowserWindow | null, recent: () => string[], openRecent: (file: string) => void): void {
  const send = (command: string) => () => getWindow()?.webContents.send('offramp:command', command);
  // Label, shortcut and command from the one list the browser's keyboard handler reads too.
  const item = (c: AppCommand): MenuItemConstructorOptions => ({ label: c.label, accelerator: c.accelerator, click: send(c.command) });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item(COMMANDS.newWorkspace),
        item(COMMANDS.newSample),
        item(COMMANDS.open),
        {
          label: 'Open Recent',
          submenu: recent().length
            ? recent().map((file) => ({ label: file, click: () => openRecent(file) }))
            : [{ label: 'No recent workspaces', enabled: false }],
        },
        item(COMMANDS.saveCopy),
        { type: 'separator' },
        item(COMMANDS.exportRoadmap),
        item(COMMANDS.exportIcs),
        item(COMMANDS.exportCsv),
        item(COMMANDS.exportJson),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item(COMMANDS.undo),
        item(COMMANDS.redo),
        { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        item(COMMANDS.clients),
        item(COMMANDS.workloads),
        item(COMMANDS.agreements),
        item(COMMANDS.plan),
        item(COMMANDS.settings),
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
