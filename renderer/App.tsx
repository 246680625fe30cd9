// The shell: start screen without a workspace; with one, navigation, header (file, client filter, undo/redo) and the routed screen.
import { useEffect } from 'react';
import { Link, Redirect, Route, Router, Switch, useLocation } from 'wouter';
import { navigate, useHashLocation } from 'wouter/use-hash-location';
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { routes, DEFAULT_ROUTE } from './routes.tsx';
import { selectFileName, useWorkspace } from './stores/workspace.ts';
import { selectTrainingDeadline, useInventory } from './stores/inventory.ts';
import { StartScreen } from './screens/start/StartScreen.tsx';
import { Toasts } from './components/Toasts.tsx';
import { redoLast, undoLast } from './stores/history.ts';
import { onCommand } from './ipc.ts';
import { commandForKey } from '../shared/commands.ts';
import { UnsavedChangesGuard } from './components/UnsavedChangesGuard.tsx';

export function App() {
  const ready = useWorkspace((s) => s.ready);
  const hasWorkspace = useWorkspace((s) => s.info !== null);

  useEffect(() => { void useWorkspace.getState().init(); }, []);
  useMenuCommands();

  return (
    <Router hook={useHashLocation}>
      {!ready ? <div className="loading" role="status">Opening…</div> : hasWorkspace ? <Screens /> : <StartScreen />}
      <Toasts />
    </Router>
  );
}

/**
 * Menu commands: from Electron's menu, or in a browser (the test host) from the same shortcuts through the same command
 * list (shared/commands.ts). Other areas listen for their own (export.*) via the 'offramp:command' event. App sits outside
 * the Router, so navigation goes through the hash location's own navigate (wouter's useLocation here would be the path's).
 */
function useMenuCommands() {
  useEffect(() => {
    const run = (command: string, target: Element | null) => {
      const ws = useWorkspace.getState();
      if (command.startsWith('navigate:')) return navigate(command.slice('navigate:'.length));
      switch (command) {
        case 'workspace.new': return void ws.createNew();
        case 'workspace.newSample': return void ws.createSample();
        case 'workspace.open': return void ws.openChosen();
        case 'workspace.saveCopy': return void ws.saveCopy();
        // The menu's accelerators reach text fields too: there they undo typing, not the last change.
        case 'edit.undo': return isTextEditing(target) ? void document.execCommand('undo') : void undoLast();
        case 'edit.redo': return isTextEditing(target) ? void document.execCommand('redo') : void redoLast();
        case 'workspace.reload': return void ws.init();
        default: window.dispatchEvent(new CustomEvent('offramp:command', { detail: command }));
      }
    };
    if (window.offramp?.onCommand) return onCommand((command) => run(command, document.activeElement));
    const onKey = (e: KeyboardEvent) => {
      const command = commandForKey(e);
      if (!command) return;
      // A text field keeps its own undo and redo; every other shortcut works wherever focus is, as the menu's do.
      if ((command === 'edit.undo' || command === 'edit.redo') && isTextEditing(e.target)) return;
      // A modal dialog owns the keyboard until it closes.
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      run(command, e.target as Element | null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function isTextEditing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

/** Bare routes (print views, full-screen modes) render alone; every other route inside the shell. */
function Screens() {
  return (
    <Switch>
      {routes.filter((r) => r.bare).map((r) => <Route key={r.path} path={r.path} component={r.component} />)}
      <Route><Shell /></Route>
    </Switch>
  );
}

function Shell() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <UnsavedChangesGuard />
      <Sidebar />
      <div className="shell__main">
        <Header />
        <main id="main" className="shell__content" tabIndex={-1}>
          <Switch>
            {routes.filter((r) => !r.bare).map((r) => <Route key={r.path} path={r.path} component={r.component} />)}
            <Route><Redirect to={DEFAULT_ROUTE} replace /></Route>
          </Switch>
        </main>
      </div>
    </div>
  );
}

function Sidebar() {
  const [location] = useLocation();
  const deadline = useInventory(selectTrainingDeadline);
  const close = useWorkspace((s) => s.close);
  const saveCopy = useWorkspace((s) => s.saveCopy);
  const days = deadline ? differenceInCalendarDays(parseISO(deadline), new Date()) : null;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">⤴</span>
        <span>Offramp</span>
      </div>
      <ul className="sidebar__nav">
        {routes.filter((r) => r.nav).map((r) => {
          const active = location === r.path || (r.nav?.matches ? location.startsWith(r.nav.matches) : false);
          return (
            <li key={r.path}>
              <Link href={r.path} className={`sidebar__link${active ? ' is-active' : ''}`} aria-current={active ? 'page' : undefined}>
                {r.nav!.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="sidebar__footer">
        {deadline ? (
          <p className="countdown">
            <span className="countdown__days">{days !== null && days >= 0 ? `${days} days` : 'Passed'}</span>
            <span className="countdown__label">to the training deadline, {deadline}</span>
          </p>
        ) : null}
        <div className="sidebar__file-actions">
          <button type="button" className="button button--ghost button--small" onClick={() => void saveCopy()}>Save a copy…</button>
          <button type="button" className="button button--ghost button--small" onClick={() => void close()}>Close workspace</button>
        </div>
      </div>
    </nav>
  );
}

function Header() {
  const fileName = useWorkspace(selectFileName);
  const path = useWorkspace((s) => s.info?.path ?? '');
  const canUndo = useWorkspace((s) => s.info?.canUndo ?? false);
  const canRedo = useWorkspace((s) => s.info?.canRedo ?? false);
  const undoLabel = useWorkspace((s) => s.info?.undoLabel ?? null);
  const redoLabel = useWorkspace((s) => s.info?.redoLabel ?? null);
  const clients = useInventory((s) => s.clients);
  const clientFilter = useInventory((s) => s.clientFilter);
  const setClientFilter = useInventory((s) => s.setClientFilter);
  const mod = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';
  return (
    <header className="header">
      <div className="header__file" title={path}>
        <span className="header__file-label">Workspace</span>
        <span className="header__file-name">{fileName}</span>
      </div>
      <div className="header__controls">
        <label className="header__filter">
          <span>Client</span>
          <select
            className="input select input--compact"
            aria-label="Client filter"
            value={clientFilter ?? ''}
            onChange={(e) => setClientFilter(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">All clients</option>
            {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <div className="button-group" role="group" aria-label="History">
          <button type="button" className="button button--small" disabled={!canUndo} onClick={() => void undoLast()} title={`Undo${undoLabel ? ` ${undoLabel}` : ''} (${mod}Z)`} aria-keyshortcuts="Control+Z Meta+Z">
            <span aria-hidden="true">↶ </span>Undo
          </button>
          <button type="button" className="button button--small" disabled={!canRedo} onClick={() => void redoLast()} title={`Redo${redoLabel ? ` ${redoLabel}` : ''} (${mod}Shift+Z)`} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z">
            <span aria-hidden="true">↷ </span>Redo
          </button>
        </div>
      </div>
    </header>
  );
}
