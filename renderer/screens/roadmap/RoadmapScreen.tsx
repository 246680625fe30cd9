// Roadmap: choose the scope (a client or all) and the paper, see the very pages the PDF will hold, then export.
import { useEffect, useState } from 'react';
import type { PaperSize, RoadmapData } from '../../../shared/ipc/exports.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { invoke } from '../../ipc.ts';
import { useInventory } from '../../stores/inventory.ts';
import { notifyError, notifyInfo } from '../../stores/ui.ts';
import { RoadmapDocument, type RoadmapLayout } from '../../print/RoadmapDocument.tsx';
import { sheetGeometry } from '../../print/layout.ts';
import { exportFile } from './exportCommands.ts';

interface ProgressBridge {
  onProgress?: (listener: (p: { task: string; done: number; total: number; label: string }) => void) => () => void;
}

const PREVIEW_SCALE = 0.62;

export function RoadmapScreen() {
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const [clientId, setClientId] = useState<number | null>(clientFilter);
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [data, setData] = useState<RoadmapData | null>(null);
  const [layout, setLayout] = useState<RoadmapLayout | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [icsSteps, setIcsSteps] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setData(null);
    setLayout(null);
    void invoke('roadmap.data', { clientId: clientId ?? undefined }).then((r) => {
      if (cancelled) return;
      if (r.ok) setData(r.value);
      else notifyError(r.error);
    });
    return () => { cancelled = true; };
  }, [clientId]);

  useEffect(() => setLayout(null), [paper]);

  async function exportPdf() {
    setBusy('Choosing where to save…');
    const bridge = window.offramp as (ProgressBridge & typeof window.offramp) | undefined;
    const stop = bridge?.onProgress?.((p) => { if (p.task === 'export.roadmapPdf') setBusy(`${p.label} (${p.done}/${p.total})`); });
    try {
      const r = await invoke('export.roadmapPdf', { clientId: clientId ?? undefined, paper, today: data?.today });
      if (!r.ok) notifyError(r.error);
      else if (r.value) notifyInfo(`Saved the roadmap (${r.value.pages ?? '?'} pages) to ${r.value.path}`);
    } finally {
      stop?.();
      setBusy(null);
    }
  }

  const g = sheetGeometry(paper);
  return (
    <div className="page roadmap-screen">
      <PageHeader
        title="Roadmap"
        description="The document to forward to managers and boards: cover, executive summary, timeline, one section per workload and the commitments register."
        actions={(
          <>
            <button type="button" className="button" onClick={() => void exportFile('export.ics', clientId ?? undefined, { steps: icsSteps })}>Milestones (.ics)…</button>
            <button type="button" className="button" onClick={() => void exportFile('export.planCsv', clientId ?? undefined)}>Plan (CSV)…</button>
            <button type="button" className="button button--primary" disabled={busy !== null || !layout} onClick={() => void exportPdf()}>Export PDF…</button>
          </>
        )}
      />
      <form className="roadmap-screen__options" onSubmit={(e) => e.preventDefault()} style={{ display: 'flex', gap: 24, alignItems: 'flex-end', margin: '0 0 16px' }}>
        <label className="field">
          <span className="field__label">Scope</span>
          <select className="input select" value={clientId ?? ''} onChange={(e) => setClientId(e.target.value ? Number(e.target.value) : null)}>
            <option value="">All clients</option>
            {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="field__label">Paper</legend>
          {(['A4', 'Letter'] as const).map((p) => (
            <label key={p} style={{ marginRight: 12 }}>
              <input type="radio" name="paper" value={p} checked={paper === p} onChange={() => setPaper(p)} /> {p} landscape
            </label>
          ))}
        </fieldset>
        <label className="field" style={{ flexDirection: 'row', alignItems: 'center', gap: 6 }}>
          <input type="checkbox" checked={icsSteps} onChange={(e) => setIcsSteps(e.target.checked)} />
          <span>Include every step end in the milestones calendar</span>
        </label>
        <p role="status" aria-live="polite" style={{ margin: 0 }}>
          {busy ?? (layout ? `${layout.pageCount} pages, ${layout.timelinePages} of them timeline (${layout.rowsPerPage} workloads a page)` : data ? 'Laying out pages…' : 'Loading…')}
        </p>
      </form>
      <div
        className="roadmap-screen__preview"
        // A scroll area the keyboard can reach and scroll (arrow keys, Page Down), named for screen readers.
        role="region"
        tabIndex={0}
        aria-label="Roadmap preview"
        style={{ background: '#e9ebef', padding: 16, overflow: 'auto', maxHeight: 'calc(100vh - 230px)' }}
      >
        {data ? (
          <div style={{ width: g.width * PREVIEW_SCALE, margin: '0 auto', height: layout ? layout.pageCount * (g.height + 16) * PREVIEW_SCALE : undefined }}>
            <div style={{ transform: `scale(${PREVIEW_SCALE})`, transformOrigin: 'top left', width: g.width }}>
              <RoadmapDocument data={data} paper={paper} onLaidOut={setLayout} />
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
