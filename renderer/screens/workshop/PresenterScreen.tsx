// Presenter mode: the current agenda item fills the screen; the strip keeps time. Keyboard first (? lists every key),
// mouse and touch too. Esc leaves at once: everything is saved as it happens and the timers live in the workspace.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useInventory } from '../../stores/inventory.ts';
import { useWorkspace } from '../../stores/workspace.ts';
import { selectCurrentItem, useWorkshop } from '../../stores/workshop.ts';
import { Dialog } from '../../components/Dialog.tsx';
import type { AgendaItem, WorkshopDetail } from '../../../shared/workshop/types.ts';
import { CaptureDialog, type CaptureKind } from './CaptureDialogs.tsx';
import { VoteDialog } from './VoteItem.tsx';
import { ItemView } from './Items.tsx';
import { ItemKeysContext, isoDay, useNow, type ItemKeys } from './clock.ts';
import { kindLabel } from './words.ts';
import { TimeStrip } from './TimeStrip.tsx';
import { plural } from '../../labels.ts';
import { notifyInfo } from '../../stores/ui.ts';
import './workshop.css';

type Overlay = { kind: CaptureKind } | { kind: 'vote' } | { kind: 'keys' } | null;

export const KEYS: [string, string][] = [
  ['→ / ←', 'Next / previous item (→ on the last item finishes the workshop)'],
  ['Space', 'Start / pause the item timer'],
  ['↑ / ↓', 'Move between questions'],
  ['1 – 5', 'Answer the focused question'],
  ['Enter', 'Accept the answers (classify items)'],
  ['N', 'Add a note'],
  ['D', 'Record a decision'],
  ['A', 'Add an action'],
  ['V', 'Open the vote: enter a participant\'s dots'],
  ['Swipe', 'On a touch screen: swipe left or right for the next or previous item'],
  ['?', 'Show or hide this list'],
  ['Esc', 'Leave presenter mode (nothing is lost; the timer keeps its state)'],
];

const isTyping = (el: EventTarget | null) => {
  const t = el as HTMLElement | null;
  return !!t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));
};

export function PresenterScreen({ params }: { params: { id: string } }) {
  const id = Number(params.id);
  const detail = useWorkshop((s) => (s.detail?.workshop.id === id ? s.detail : null));
  const info = useWorkspace((s) => s.info);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    if (info) void useWorkshop.getState().load(id).then((found) => setMissing(!found));
  }, [id, info]);
  if (!detail) {
    return (
      <div className="presenter presenter--empty">
        <p className="ws-lead" role="status">{missing ? 'This workshop no longer exists.' : 'Opening the workshop…'}</p>
        {missing ? <Link href="/workshops" className="button button--xl">Back to workshops</Link> : null}
      </div>
    );
  }
  return <Presenter detail={detail} />;
}

function Presenter({ detail }: { detail: WorkshopDetail }) {
  const w = detail.workshop;
  const [, navigate] = useLocation();
  const now = useNow();
  const current = useWorkshop(selectCurrentItem);
  const portfolio = useWorkshop((s) => s.portfolio);
  const session = useWorkshop((s) => s.session);
  const allWorkloads = useInventory((s) => s.workloads);
  const workloads = useMemo(() => allWorkloads.filter((x) => x.clientId === w.clientId), [allWorkloads, w.clientId]);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const [applied, setApplied] = useState<Record<number, string>>({});
  const itemKeys = useRef<ItemKeys>({});
  const stageRef = useRef<HTMLElement>(null);
  const swipe = useRef<{ x: number; y: number } | null>(null);
  const index = current ? detail.agenda.findIndex((i) => i.id === current.id) : -1;
  const next = index >= 0 ? detail.agenda[index + 1] ?? null : detail.agenda[0] ?? null;

  const leave = () => navigate(`/workshops/${w.id}`);
  const forward = () => {
    if (w.status === 'finished') return;
    // 'next' before the first item starts the workshop; two quick presses then land on the second item, not twice on the first.
    if (!current) return void session('next');
    if (index === detail.agenda.length - 1) return void session('finish');
    return void session('next');
  };
  const back = () => { if (current && index > 0 && w.status !== 'finished') void session('previous'); };
  const toggleTimer = () => { if (current && w.status !== 'finished') void session(current.runningSince ? 'timerPause' : 'timerStart'); };
  const openVote = () => {
    const vote = current?.kind === 'vote' ? current : detail.agenda.find((i) => i.kind === 'vote');
    if (!vote) return notifyInfo('This agenda has no vote item: add one in the agenda to vote with dots.');
    if (vote.id !== current?.id) void session('goto', vote.id).then((ok) => ok && setOverlay({ kind: 'vote' }));
    else setOverlay({ kind: 'vote' });
  };

  // One keyboard model for the whole screen; dialogs and typing keep their own keys.
  const handler = useRef<(e: KeyboardEvent) => void>(() => {});
  handler.current = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (overlay?.kind === 'keys' && (e.key === '?' || e.key === 'Escape')) {
      e.preventDefault();
      setOverlay(null);
      return;
    }
    if (overlay || document.querySelector('dialog[open]') || isTyping(e.target)) return;
    const onButton = (e.target as HTMLElement | null)?.tagName === 'BUTTON' || (e.target as HTMLElement | null)?.tagName === 'A';
    const k = e.key;
    const act = (f: () => void) => { e.preventDefault(); f(); };
    if (k === 'ArrowRight' || k === 'PageDown') return act(forward);
    if (k === 'ArrowLeft' || k === 'PageUp') return act(back);
    if (k === ' ' && !onButton) return act(toggleTimer);
    if (k === 'Escape') return act(leave);
    if (k === '?') return act(() => setOverlay({ kind: 'keys' }));
    if (k === 'ArrowUp' || k === 'ArrowDown') return act(() => itemKeys.current.move?.(k === 'ArrowUp' ? -1 : 1));
    if (/^[1-5]$/.test(k)) return act(() => itemKeys.current.digit?.(Number(k)));
    if (k === 'Enter' && !onButton) return act(() => itemKeys.current.enter?.());
    const lower = k.toLowerCase();
    if (lower === 'n') return act(() => setOverlay({ kind: 'note' }));
    if (lower === 'd') return act(() => setOverlay({ kind: 'decision' }));
    if (lower === 'a') return act(() => setOverlay({ kind: 'action' }));
    if (lower === 'v') return act(openVote);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => handler.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Keys go to the stage after a dialog closes, so Space and the arrows keep working without a click.
  useEffect(() => {
    if (overlay === null) stageRef.current?.focus({ preventScroll: true });
  }, [overlay, current?.id]);

  const closeOverlay = () => setOverlay(null);
  const participants = w.participants.map((p) => p.name);

  return (
    <ItemKeysContext.Provider value={itemKeys}>
      <div className="presenter">
        <header className="presenter__top">
          <p className="presenter__where">
            <span className="presenter__workshop">{w.title}</span>
            {current && w.status !== 'finished' ? <span> · Item {index + 1} of {detail.agenda.length} · {kindLabel[current.kind]}</span> : null}
          </p>
          <div className="presenter__tools">
            <button type="button" className="button button--capture" onClick={() => setOverlay({ kind: 'note' })} aria-keyshortcuts="N">Note <kbd>N</kbd></button>
            <button type="button" className="button button--capture" onClick={() => setOverlay({ kind: 'decision' })} aria-keyshortcuts="D">Decision <kbd>D</kbd></button>
            <button type="button" className="button button--capture" onClick={() => setOverlay({ kind: 'action' })} aria-keyshortcuts="A">Action <kbd>A</kbd></button>
            <button type="button" className="button" onClick={() => openAudience(w.id)}>Audience window</button>
            <button type="button" className="button" onClick={() => setOverlay({ kind: 'keys' })} aria-keyshortcuts="?">Keys <kbd>?</kbd></button>
            <button type="button" className="button" onClick={leave} aria-keyshortcuts="Escape">Leave <kbd>Esc</kbd></button>
          </div>
        </header>

        <main className="presenter__stage" ref={stageRef} tabIndex={-1} aria-labelledby="stage-title"
          // A horizontal swipe on a touch screen moves between items, as the arrow keys do.
          onPointerDown={(e) => { swipe.current = e.pointerType === 'touch' ? { x: e.clientX, y: e.clientY } : null; }}
          onPointerUp={(e) => {
            const start = swipe.current;
            swipe.current = null;
            if (!start) return;
            const dx = e.clientX - start.x;
            if (Math.abs(dx) > 80 && Math.abs(dx) > 2 * Math.abs(e.clientY - start.y)) (dx < 0 ? forward : back)();
          }}>
          {current && w.status !== 'finished' ? (
            <>
              <h1 id="stage-title" className="stage__title">{current.title}</h1>
              <div className="stage__body">
                <ItemView detail={detail} item={current} portfolio={portfolio} workloads={workloads} now={now} audience={false}
                  onCast={openVote} applied={applied[current.id] ?? null} onApplied={(s) => setApplied((a) => ({ ...a, [current.id]: s }))} />
              </div>
              <Captured detail={detail} item={current} />
            </>
          ) : (
            <Slate detail={detail} onStart={forward} />
          )}
        </main>

        <TimeStrip detail={detail} current={w.status === 'finished' ? null : current} next={next} portfolio={portfolio} now={now} audience={false}>
          <div className="strip__controls">
            <button type="button" className="button button--xl" onClick={back} disabled={!current || index === 0 || w.status === 'finished'} aria-keyshortcuts="ArrowLeft">← Previous</button>
            <button type="button" className="button button--xl" onClick={toggleTimer} disabled={!current || w.status === 'finished'} aria-keyshortcuts="Space">
              {current?.runningSince ? 'Pause' : 'Start'} timer
            </button>
            <button type="button" className="button button--xl button--primary" onClick={forward} disabled={w.status === 'finished'} aria-keyshortcuts="ArrowRight">
              {!current ? 'Start workshop' : index === detail.agenda.length - 1 ? 'Finish' : 'Next'} →
            </button>
          </div>
        </TimeStrip>

        {overlay && overlay.kind !== 'keys' && overlay.kind !== 'vote' ? (
          <CaptureDialog kind={overlay.kind} workshopId={w.id} itemId={current?.id ?? null} workloads={workloads}
            workloadId={current?.workloadId ?? null} participants={participants}
            defaultDue={w.nextReviewDate ?? isoDay(now + 14 * 86_400_000)} onClose={closeOverlay} />
        ) : null}
        {overlay?.kind === 'vote' && current?.kind === 'vote' ? <VoteDialog detail={detail} item={current} workloads={workloads} onClose={closeOverlay} /> : null}
        <Dialog open={overlay?.kind === 'keys'} title="Keys" onClose={closeOverlay}>
          <table className="keys-table">
            <tbody>{KEYS.map(([k, what]) => <tr key={k}><th scope="row"><kbd>{k}</kbd></th><td>{what}</td></tr>)}</tbody>
          </table>
        </Dialog>
      </div>
    </ItemKeysContext.Provider>
  );
}

/** Before the first item and after the last one. */
function Slate({ detail, onStart }: { detail: WorkshopDetail; onStart(): void }) {
  const w = detail.workshop;
  const finished = w.status === 'finished';
  const session = useWorkshop((s) => s.session);
  return (
    <div className="slate">
      <h1 id="stage-title" className="stage__title">{w.title}</h1>
      <p className="ws-lead">{w.date} at {w.startTime}{w.location ? ` · ${w.location}` : ''} · {plural(detail.agenda.length, 'item')} · {plural(w.participants.length, 'participant')}</p>
      {finished ? (
        <>
          <p className="ws-lead">The workshop is finished: {plural(detail.decisions.length, 'decision')} and {plural(detail.actions.length, 'action')} recorded.</p>
          <div className="slate__actions">
            <button type="button" className="button button--xl" onClick={() => void session('reopen')}>Reopen</button>
            <Link href={`/workshops/${w.id}`} className="button button--xl button--primary">Minutes and summary</Link>
          </div>
        </>
      ) : detail.agenda.length === 0 ? (
        <p className="ws-lead">The agenda is empty: <Link href={`/workshops/${w.id}`} className="link">plan it first</Link>.</p>
      ) : (
        <button type="button" className="button button--xl button--primary" onClick={onStart}>Start the workshop <kbd>→</kbd></button>
      )}
    </div>
  );
}

/** What was captured on this item (presenter only: the audience sees no notes). */
function Captured({ detail, item }: { detail: WorkshopDetail; item: AgendaItem }) {
  const mutate = useWorkshop((s) => s.mutate);
  const entries = [
    ...detail.notes.filter((n) => n.itemId === item.id).map((n) => ({ kind: 'note' as const, id: n.id, text: n.text, label: 'Note' })),
    ...detail.decisions.filter((d) => d.itemId === item.id).map((d) => ({ kind: 'decision' as const, id: d.id, text: d.text, label: 'Decision' })),
    ...detail.actions.filter((a) => a.itemId === item.id).map((a) => ({ kind: 'action' as const, id: a.id, text: `${a.text} — ${a.owner}, due ${a.dueDate}`, label: 'Action' })),
  ];
  if (entries.length === 0) return null;
  return (
    <aside className="captured" aria-label="Captured on this item">
      <ul>
        {entries.map((e) => (
          <li key={`${e.kind}${e.id}`} className={`captured__entry captured__entry--${e.kind}`}>
            <span className="captured__kind">{e.label}</span> <span>{e.text}</span>
            <button type="button" className="icon-button" aria-label={`Remove ${e.label.toLowerCase()}: ${e.text}`}
              onClick={() => void mutate('workshops.removeEntry', { kind: e.kind, id: e.id })}>×</button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

/** The projector's window: Electron opens it on the second display; a browser opens a second page. */
function openAudience(id: number) {
  const bridge = window.offramp as (typeof window.offramp & { openAudience?(id: number): void }) | undefined;
  if (bridge?.openAudience) bridge.openAudience(id);
  else window.open(`#/audience/${id}`, `offramp-audience-${id}`);
}
