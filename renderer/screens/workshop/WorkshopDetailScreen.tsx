// One workshop being prepared: its details and participants, the agenda editor, and the way into presenter mode and the minutes.
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { useInventory } from '../../stores/inventory.ts';
import { useWorkspace } from '../../stores/workspace.ts';
import { useWorkshop } from '../../stores/workshop.ts';
import { plural } from '../../labels.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { WorkshopDialog } from './WorkshopDialog.tsx';
import { DeleteWorkshopDialog } from './WorkshopsScreen.tsx';
import { isoDay } from './clock.ts';
import { StatusTag } from './StatusTag.tsx';
import { MinutesExport } from './MinutesExport.tsx';
import './workshop.css';

export function WorkshopDetailScreen({ params }: { params: { id: string } }) {
  const id = Number(params.id);
  const detail = useWorkshop((s) => (s.detail?.workshop.id === id ? s.detail : null));
  const summary = useWorkshop((s) => s.summaries.find((w) => w.workshop.id === id) ?? null);
  const allWorkloads = useInventory((s) => s.workloads);
  const clients = useInventory((s) => s.clients);
  const info = useWorkspace((s) => s.info);
  const [missing, setMissing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [, navigate] = useLocation();

  // Any change (undo and redo included) reloads the workshop; a deleted one says so.
  useEffect(() => {
    if (!info) return;
    void useWorkshop.getState().load(id).then((found) => setMissing(!found));
    void useWorkshop.getState().loadList();
  }, [id, info]);

  const workloads = useMemo(() => allWorkloads.filter((w) => w.clientId === detail?.workshop.clientId), [allWorkloads, detail]);

  if (!detail) {
    return (
      <div className="page">
        <EmptyState title={missing ? 'This workshop no longer exists' : 'Loading…'} action={<Link href="/workshops" className="button">Back to workshops</Link>} />
      </div>
    );
  }
  const w = detail.workshop;
  const client = clients.find((c) => c.id === w.clientId)?.name ?? '';
  const presentLabel = w.status === 'running' ? 'Resume presenting' : w.status === 'finished' ? 'Present again' : 'Present';

  return (
    <div className="page page--wide ws-page workshop-detail">
      <nav className="breadcrumb" aria-label="Breadcrumb"><Link href="/workshops" className="link">Workshops</Link> / {w.title}</nav>
      <PageHeader
        title={w.title}
        description={<>{client} · {w.date} at {w.startTime}{w.location ? ` · ${w.location}` : ''} · <StatusTag status={w.status} /></>}
        actions={(
          <>
            <button type="button" className="button" onClick={() => setEditing(true)}>Edit details</button>
            <button type="button" className="button button--danger-ghost" onClick={() => setDeleting(true)}>Delete</button>
            <Link href={`/present/${w.id}`} className="button button--primary">{presentLabel}</Link>
          </>
        )}
      />
      <div className="workshop-detail__grid">
        <div>
          {detail.agenda.length === 0 && workloads.length === 0 ? (
            <p className="muted">This client has no workloads yet: classify and evidence items need one.</p>
          ) : null}
          <AgendaEditor workshop={w} agenda={detail.agenda} workloads={workloads} />
        </div>
        <aside className="workshop-detail__side" aria-label="Workshop facts">
          <section className="ws-card">
            <h2 className="section-title">Participants</h2>
            {w.participants.length === 0 ? <p className="muted">None yet: add them with Edit details.</p> : (
              <ul className="ws-participants">
                {w.participants.map((p, i) => <li key={i}><strong>{p.name}</strong>{p.role ? `, ${p.role}` : ''}{p.organisation ? <span className="muted"> · {p.organisation}</span> : null}</li>)}
              </ul>
            )}
            <p className="muted">{plural(w.dotsPerParticipant, 'dot')} each in a vote{w.nextReviewDate ? ` · next review ${w.nextReviewDate}` : ''}</p>
          </section>
          <section className="ws-card" aria-labelledby="minutes-title">
            <h2 id="minutes-title" className="section-title">Minutes</h2>
            <p className="muted">Participants, agenda with actual times, answers and recommendations, the vote, decisions, actions and the plan.</p>
            <MinutesExport workshopId={w.id} />
          </section>
          <section className="ws-card">
            <h2 className="section-title">Captured</h2>
            <p>{plural(detail.decisions.length, 'decision')}, {plural(detail.actions.length, 'action')}, {plural(detail.notes.length, 'note')}, {plural(detail.classifications.length, 'classification')}</p>
            {detail.decisions.length > 0 ? (
              <ul className="ws-captured" aria-label="Decisions">{detail.decisions.map((d) => <li key={d.id}><span className="ws-captured__kind">Decision</span> {d.text}</li>)}</ul>
            ) : null}
            {detail.actions.length > 0 ? (
              <ul className="ws-captured" aria-label="Actions">{detail.actions.map((a) => <li key={a.id}><span className="ws-captured__kind">Action</span> {a.text} <span className="muted">— {a.owner}, due {a.dueDate}</span></li>)}</ul>
            ) : null}
          </section>
        </aside>
      </div>
      {editing ? <WorkshopDialog workshop={w} today={isoDay(useWorkshop.getState().now())} onClose={() => setEditing(false)} /> : null}
      <DeleteWorkshopDialog summary={deleting ? summary : null} onClose={() => setDeleting(false)} onDeleted={() => navigate('/workshops')} />
    </div>
  );
}
