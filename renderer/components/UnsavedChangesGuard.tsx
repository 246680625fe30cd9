// Asks before an in-app link would throw away a form's unsaved edits.
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { useUi } from '../stores/ui.ts';
import { ConfirmDialog } from './Dialog.tsx';

export function UnsavedChangesGuard() {
  const [, navigate] = useLocation();
  const unsaved = useUi((s) => s.unsaved);
  const [pending, setPending] = useState<string | null>(null);

  useEffect(() => {
    // Capture phase on document runs before React's own handlers, so the link never navigates.
    const onClick = (e: MouseEvent) => {
      if (!useUi.getState().unsaved || e.defaultPrevented || e.button !== 0) return;
      const link = (e.target as Element | null)?.closest?.('a[href^="#/"]');
      if (!link) return;
      const target = link.getAttribute('href')!.slice(1);
      if (`#${target}` === window.location.hash) return;
      e.preventDefault();
      e.stopPropagation();
      setPending(target);
    };
    document.addEventListener('click', onClick, true);
    return () => document.removeEventListener('click', onClick, true);
  }, []);

  return (
    <ConfirmDialog
      open={pending !== null}
      title="Discard unsaved changes?"
      confirmLabel="Discard changes"
      onCancel={() => setPending(null)}
      onConfirm={() => {
        const to = pending!;
        useUi.getState().setUnsaved(null);
        setPending(null);
        navigate(to);
      }}
    >
      <p>You have not saved {unsaved ?? 'your changes'}. Leaving this page discards them.</p>
      <p className="muted">Choose Cancel to go back and save.</p>
    </ConfirmDialog>
  );
}

/**
 * Tells the guard (and the shell's leave-page check) that leaving would discard a draft described by `label`,
 * e.g. "your agenda changes for Triage"; clears it when the draft is saved or the component goes away.
 */
export function useUnsavedGuard(dirty: boolean, label: string): void {
  useEffect(() => {
    const ui = useUi.getState();
    if (dirty) ui.setUnsaved(label);
    else if (ui.unsaved === label) ui.setUnsaved(null);
  }, [dirty, label]);
  useEffect(() => () => {
    if (useUi.getState().unsaved === label) useUi.getState().setUnsaved(null);
  }, [label]);
}
