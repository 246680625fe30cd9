// The minutes' export buttons for the workshop page: PDF, Markdown and the actions as iCalendar. The main process
// asks where to save (the renderer never names a path) and the result is announced where the buttons are.
import { useState } from 'react';
import type { PaperSize } from '../../../shared/ipc/exports.ts';
import { invoke } from '../../ipc.ts';
import { notifyError } from '../../stores/ui.ts';

type MinutesChannel = 'export.minutesPdf' | 'export.minutesMarkdown' | 'export.workshopIcs';

const WHAT: Record<MinutesChannel, string> = {
  'export.minutesPdf': 'the minutes (PDF)',
  'export.minutesMarkdown': 'the minutes (Markdown)',
  'export.workshopIcs': 'the actions calendar',
};

export function MinutesExport({ workshopId, paper = 'A4' }: { workshopId: number; paper?: PaperSize }) {
  const [busy, setBusy] = useState<MinutesChannel | null>(null);
  const [status, setStatus] = useState('');

  async function run(channel: MinutesChannel) {
    setBusy(channel);
    setStatus(channel === 'export.minutesPdf' ? 'Preparing the minutes…' : '');
    try {
      const r = channel === 'export.minutesPdf'
        ? await invoke(channel, { workshopId, paper })
        : await invoke(channel, { workshopId });
      if (!r.ok) {
        setStatus('');
        notifyError(r.error);
      } else {
        const pages = r.value && 'pages' in r.value && r.value.pages ? ` (${r.value.pages} pages)` : '';
        setStatus(r.value ? `Saved ${WHAT[channel]}${pages} to ${r.value.path}` : '');
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="minutes-export" role="group" aria-label="Minutes">
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void run('export.minutesPdf')}>Minutes PDF…</button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('export.minutesMarkdown')}>Minutes Markdown…</button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void run('export.workshopIcs')}>Actions .ics…</button>
      </div>
      <p role="status" aria-live="polite" className="muted" style={{ margin: '6px 0 0' }}>{status}</p>
    </div>
  );
}
