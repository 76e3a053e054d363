/** What every dialog of the app shares: it opens as a modal when it mounts, and shows a failure the same way. */
import { useEffect, useRef, type RefObject } from 'react';

/** A ref for a `<dialog>` that opens as a modal on mount (closing it fires its `onClose`). */
export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
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
