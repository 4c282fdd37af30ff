import { useId } from 'react';

/** The message of the step that failed, above the choices to try again. */
export function BundleErrorNotice({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error-panel" role="alert">
      {message}
    </p>
  );
}

/** What runs and how far it is (a bundle of 100k events takes a few seconds). */
export function BundleProgress({ label, fraction }: { label: string; fraction: number }) {
  const id = useId();
  return (
    <div className="progress-panel" role="status">
      <label htmlFor={id}>{label}…</label>
      <progress id={id} max={1} value={fraction} />
    </div>
  );
}
