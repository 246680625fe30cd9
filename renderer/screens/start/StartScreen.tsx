// First thing a user sees without an open workspace: create, create from sample, open, or pick a recent file.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { useWorkspace } from '../../stores/workspace.ts';
import { DEFAULT_TRAINING_DEADLINE } from '../../../shared/domain/types.ts';

export function StartScreen() {
  const { recent, busy, openFailure, createNew, createSample, openChosen, openRecent, openLatestBackup } = useWorkspace();
  const days = differenceInCalendarDays(parseISO(DEFAULT_TRAINING_DEADLINE), new Date());

  return (
    <main className="start" aria-labelledby="start-title">
      <div className="start__card">
        <div className="start__brand" aria-hidden="true">⤴</div>
        <h1 id="start-title" className="start__title">Offramp</h1>
        <p className="start__lead">
          Plan the move off hosted fine-tuning. New training jobs stop on <strong>{DEFAULT_TRAINING_DEADLINE}</strong>
          {days >= 0 ? <> — {days} days from today.</> : '.'}
        </p>

        {openFailure ? (
          <div className="banner banner--error" role="alert">
            <p className="banner__title"><span aria-hidden="true">⚠ </span>Could not open {openFailure.name}</p>
            <p>{openFailure.error.message}</p>
            {/* Offered only when the main process found a good backup: never a button that leads nowhere. */}
            {openFailure.refused?.backup ? (
              <button type="button" className="button" disabled={busy} onClick={() => void openLatestBackup()}>
                Open the latest backup ({openFailure.refused.backup.takenAt})
              </button>
            ) : null}
          </div>
        ) : null}

        <div className="start__actions">
          <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => void createNew()}>
            New workspace…
          </button>
          <button
            type="button"
            className="button button--large"
            disabled={busy}
            onClick={() => void createSample()}
          >
            New from sample…
          </button>
          <button type="button" className="button button--large" disabled={busy} onClick={() => void openChosen()}>
            Open…
          </button>
        </div>
        <p className="start__note">A workspace is one file on this computer holding all your clients. Nothing leaves this machine.</p>

        <section className="start__recent" aria-labelledby="recent-title">
          <h2 id="recent-title" className="section-title">Recent workspaces</h2>
          {recent.length === 0 ? (
            <p className="muted">No recent workspaces. Create one to start — you can add clients right after.</p>
          ) : (
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.id}>
                  <button type="button" className="recent-list__item" disabled={busy} onClick={() => void openRecent(r.id)}>
                    <span className="recent-list__name">{r.name}</span>
                    <span className="recent-list__path">{r.folder}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </main>
  );
}
