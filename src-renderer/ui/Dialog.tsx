import { useEffect, useId, useRef, type ReactNode } from 'react';
import { restoreFocus } from './focus-return';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider layout for forms. */
  wide?: boolean;
  /**
   * Where focus goes when the dialog goes away: by default the control that opened it. Give the
   * thing just created instead (the new row, the editor), or a stable control when the opener
   * was inside a menu that is gone.
   */
  returnFocus?: () => HTMLElement | string | null | undefined;
  /** Extra class for the <dialog> (the command palette sits near the top). */
  className?: string;
  /**
   * A dialog that changes stage in place (preview, running, done) passes the stage: each new
   * stage puts focus on its [data-autofocus] control again instead of leaving it on a button
   * that went away.
   */
  focusKey?: string;
}

/**
 * A native modal <dialog>: focus trapping, Escape and the backdrop come from the browser; page
 * shortcuts stay quiet while one is open (see use-shortcut). Closing or unmounting hands focus
 * back, so keyboard users never land on <body>.
 */
export function Dialog({ open, title, onClose, children, wide, returnFocus, className, focusKey }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const returnRef = useRef(returnFocus);
  const openerRef = useRef<HTMLElement | null>(null);
  useEffect(() => {
    returnRef.current = returnFocus;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    // (A development re-run of this effect finds focus inside the dialog: keep the first opener.)
    const active = document.activeElement;
    const opener = active instanceof HTMLElement && !dialog.contains(active) ? active : openerRef.current;
    openerRef.current = opener;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (the Close button); start where the user types or decides.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      restoreFocus(returnRef.current?.() ?? null, opener);
    };
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog?.open || focusKey === undefined) return;
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }, [focusKey]);
  const classes = ['dialog', wide && 'dialog-wide', className].filter(Boolean).join(' ');
  return (
    <dialog
      ref={ref}
      className={classes}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {open && (
        <>
          <header className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </header>
          {children}
        </>
      )}
    </dialog>
  );
}
