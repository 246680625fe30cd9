// Modal dialog on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside), Escape closes.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  open: boolean;
  onClose(): void;
  children: ReactNode;
  /** Buttons row; rendered at the bottom. */
  footer?: ReactNode;
  wide?: boolean;
  /** Element to focus first (by default the first focusable control). */
  initialFocus?: React.RefObject<HTMLElement | null>;
}

export function Dialog({ title, open, onClose, children, footer, wide, initialFocus }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  useEffect(() => { onCloseRef.current = onClose; });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const previous = document.activeElement as HTMLElement | null;
      dialog.showModal();
      const target = initialFocus?.current
        ?? dialog.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button:not(.dialog__close)');
      target?.focus();
      return () => previous?.focus?.();
    }
    if (!open && dialog.open) dialog.close();
    return undefined;
  }, [open, initialFocus]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog${wide ? ' dialog--wide' : ''}`}
      aria-labelledby={titleId}
      aria-modal="true"
      onKeyDown={(e) => {
        // Tab cycles inside the dialog (showModal keeps the page inert, but focus could still reach browser chrome).
        if (e.key !== 'Tab') return;
        const focusable = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.hasAttribute('disabled') && el.offsetParent !== null);
        if (focusable.length === 0) return;
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first.focus();
        }
      }}
      onCancel={(e) => {
        // Escape: let React state decide, so the dialog and the state never disagree.
        e.preventDefault();
        onCloseRef.current();
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId} className="dialog__title">{title}</h2>
        <button type="button" className="icon-button dialog__close" aria-label="Close" onClick={() => onCloseRef.current()}>×</button>
      </header>
      <div className="dialog__body">{children}</div>
      {footer ? <footer className="dialog__footer">{footer}</footer> : null}
    </dialog>
  );
}

interface ConfirmProps {
  open: boolean;
  title: string;
  /** What will be deleted, in words: names, counts of dependent rows. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
}

/** Asks before a destructive action; Cancel has focus so Enter never deletes by accident. */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, busy }: ConfirmProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      initialFocus={cancelRef}
      footer={(
        <>
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>Cancel</button>
          <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>{confirmLabel}</button>
        </>
      )}
    >
      {children}
    </Dialog>
  );
}
