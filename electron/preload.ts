// The preload exposes exactly two things: invoke(channel, payload) for the contract's channels, and menu commands.
import { contextBridge, ipcRenderer } from 'electron';
import { isChannelName } from '../shared/ipc/index.ts';

contextBridge.exposeInMainWorld('offramp', {
  invoke: (channel: string, payload: unknown) => {
    if (!isChannelName(channel)) return Promise.resolve({ ok: false, error: { code: 'invalid_payload', message: `Unknown channel ${channel}` } });
    return ipcRenderer.invoke('offramp:ipc', channel, payload);
  },
  onCommand: (listener: (command: string) => void) => {
    const handler = (_e: unknown, command: string) => listener(command);
    ipcRenderer.on('offramp:command', handler);
    return () => ipcRenderer.removeListener('offramp:command', handler);
  },
  /** Workshop mode: opens the audience window for a workshop (on the second display when there is one). */
  openAudience: (workshopId: number) => ipcRenderer.send('offramp:open-audience', workshopId),
  onProgress: (listener: (p: { task: string; done: number; total: number; label: string }) => void) => {
    const handler = (_e: unknown, p: { task: string; done: number; total: number; label: string }) => listener(p);
    ipcRenderer.on('offramp:progress', handler);
    return () => ipcRenderer.removeListener('offramp:progress', handler);
  },
});
