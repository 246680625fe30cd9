// The projector's view: the current item as the presenter shows it, without notes, timer controls or the next item.
// It follows the presenter by asking for the workshop twice a second, and reads the presenter's draft answers as they are shared.
import { useEffect, useMemo, useState } from 'react';
import { useInventory } from '../../stores/inventory.ts';
import { useWorkspace } from '../../stores/workspace.ts';
import { selectCurrentItem, useWorkshop } from '../../stores/workshop.ts';
import type { QuestionnaireAnswers } from '../../../shared/decision/questionnaire.ts';
import { ItemView } from './Items.tsx';
import { TimeStrip } from './TimeStrip.tsx';
import { useNow } from './clock.ts';
import { kindLabel } from './words.ts';
import './workshop.css';

interface SharedDraft { itemId: number; answers: QuestionnaireAnswers; focus: number; dirty: boolean }

function useSharedDraft(workshopId: number): SharedDraft | null {
  const key = `offramp:workshop:${workshopId}:draft`;
  const read = () => {
    try {
      const text = localStorage.getItem(key);
      return text ? JSON.parse(text) as SharedDraft : null;
    } catch {
      return null;
    }
  };
  const [draft, setDraft] = useState<SharedDraft | null>(read);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => { if (e.key === key) setDraft(read()); };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read depends on key only
  }, [key]);
  return draft;
}

export function AudienceScreen({ params }: { params: { id: string } }) {
  const id = Number(params.id);
  const info = useWorkspace((s) => s.info);
  const detail = useWorkshop((s) => (s.detail?.workshop.id === id ? s.detail : null));
  const shown = useWorkshop(selectCurrentItem);
  const portfolio = useWorkshop((s) => s.portfolio);
  const allWorkloads = useInventory((s) => s.workloads);
  const now = useNow();
  const draft = useSharedDraft(id);
  useEffect(() => (info ? useWorkshop.getState().follow(id) : undefined), [id, info]);
  const workloads = useMemo(() => allWorkloads.filter((w) => w.clientId === detail?.workshop.clientId), [allWorkloads, detail?.workshop.clientId]);

  if (!detail) return <div className="presenter presenter--empty audience"><p className="ws-lead" role="status">Waiting for the workshop…</p></div>;
  // A finished workshop shows its closing slate, not the last item.
  const current = detail.workshop.status === 'finished' ? null : shown;
  const index = current ? detail.agenda.findIndex((i) => i.id === current.id) : -1;
  return (
    <div className="presenter audience">
      <header className="presenter__top">
        <p className="presenter__where">
          <span className="presenter__workshop">{detail.workshop.title}</span>
          {current ? <span> · Item {index + 1} of {detail.agenda.length} · {kindLabel[current.kind]}</span> : null}
        </p>
      </header>
      <main className="presenter__stage" aria-labelledby="stage-title">
        {current ? (
          <>
            <h1 id="stage-title" className="stage__title">{current.title}</h1>
            <div className="stage__body">
              <ItemView detail={detail} item={current} portfolio={portfolio} workloads={workloads} now={now} audience
                onCast={() => {}} applied={null} onApplied={() => {}}
                draft={draft && draft.itemId === current.id ? draft : null} />
            </div>
          </>
        ) : (
          <div className="slate">
            <h1 id="stage-title" className="stage__title">{detail.workshop.title}</h1>
            <p className="ws-lead">{detail.workshop.status === 'finished' ? 'Thank you: the workshop is finished.' : `Starts at ${detail.workshop.startTime}.`}</p>
          </div>
        )}
      </main>
      <TimeStrip detail={detail} current={current} next={null} portfolio={portfolio} now={now} audience />
    </div>
  );
}
