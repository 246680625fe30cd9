// Workloads of the workspace (or of the client chosen in the header), filtered by text and criticality.
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { useInventory } from '../../stores/inventory.ts';
import { ListPage, PageHeader } from '../../components/PageHeader.tsx';
import { AddClientFirst, EmptyState } from '../../components/EmptyState.tsx';
import { WorkloadTable } from './WorkloadTable.tsx';
import type { WorkloadRow } from './WorkloadTable.tsx';
import { criticalityOptions, plural } from '../../labels.ts';
import type { Criticality } from '../../../shared/domain/types.ts';

export function WorkloadsScreen() {
  const clients = useInventory((s) => s.clients);
  const workloads = useInventory((s) => s.workloads);
  const clientFilter = useInventory((s) => s.clientFilter);
  const setClientFilter = useInventory((s) => s.setClientFilter);
  const [query, setQuery] = useState('');
  const [criticality, setCriticality] = useState<Criticality | ''>('');
  const deferredQuery = useDeferredValue(query);

  const rows = useMemo<WorkloadRow[]>(() => {
    const names = new Map(clients.map((c) => [c.id, c.name]));
    const q = deferredQuery.trim().toLowerCase();
    const out: WorkloadRow[] = [];
    for (const w of workloads) {
      if (clientFilter !== null && w.clientId !== clientFilter) continue;
      if (criticality && w.criticality !== criticality) continue;
      const clientName = names.get(w.clientId) ?? '—';
      if (q && !`${w.name} ${clientName} ${w.owner} ${w.fineTunedModel}`.toLowerCase().includes(q)) continue;
      out.push({ workload: w, clientName });
    }
    return out;
  }, [workloads, clients, clientFilter, criticality, deferredQuery]);

  const newHref = '/workloads/new';
  const addButton = clients.length
    ? <Link href={newHref} className="button button--primary">Add workload</Link>
    : null;

  if (clients.length === 0) {
    return (
      <div className="page">
        <PageHeader title="Workloads" />
        <AddClientFirst>
          <p>Every workload belongs to a client: the organisation whose product or workflow depends on the fine-tuned model.</p>
        </AddClientFirst>
      </div>
    );
  }

  return (
    <div className="page page--fill">
      <ListPage
        title="Workloads" description="Each product, workflow or feature that depends on a fine-tuned model."
        empty={workloads.length === 0} add={addButton}
        emptyTitle="No workloads yet — add the first thing that depends on a fine-tuned model"
        emptyHint={<p>Start with the most business-critical one: the support bot, the extraction workflow, the ranking feature.</p>}
      >
        <div className="toolbar" role="search">
          <label className="toolbar__field toolbar__field--grow">
            <span className="visually-hidden">Filter workloads</span>
            <input
              className="input"
              type="search"
              placeholder="Filter by name, client, owner or model…"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          <label className="toolbar__field">
            <span className="toolbar__label">Criticality</span>
            <select className="input select" value={criticality} onChange={(e) => setCriticality(e.target.value as Criticality | '')}>
              <option value="">Any</option>
              {criticalityOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </label>
          <label className="toolbar__field">
            <span className="toolbar__label">Client</span>
            <select className="input select" value={clientFilter ?? ''} onChange={(e) => setClientFilter(e.target.value ? Number(e.target.value) : null)}>
              <option value="">All clients</option>
              {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <p className="toolbar__count" aria-live="polite">{plural(rows.length, 'workload')}</p>
        </div>
        {rows.length === 0 ? (
          <EmptyState title="No workloads match these filters">
            <p>Clear the filter text or choose “Any” criticality and “All clients”.</p>
          </EmptyState>
        ) : (
          <WorkloadTable rows={rows} />
        )}
      </ListPage>
    </div>
  );
}
