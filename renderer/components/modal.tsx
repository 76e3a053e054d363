/** What every dialog of the app shares: it opens as a modal when it mounts, and shows a failure the same way. */
import { useLayoutEffect, useRef, type RefObject } from 'react';

/**
 * A ref for a `<dialog>` that opens as a modal on mount (closing it fires its `onClose`). It opens before the
 * first paint, so a dialog can measure itself and take its place in a layout effect declared after this hook.
 */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    dialog.showModal();
    // React focuses an `autoFocus` field while the dialog is still closed, which does nothing; opening then focuses
    // the first field. A dialog that wants another field first marks it `data-autofocus`.
    dialog.querySelector<HTMLElement>('[data-autofocus="true"]')?.focus();
  }, []);
  return ref;
}

/** A failure inside a form, announced to screen readers; nothing when there is none. */
export function FormError({ message }: { readonly message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}
