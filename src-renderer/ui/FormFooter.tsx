import type { ReactNode } from 'react';

interface FormFooterProps {
  /** Shown above the buttons and announced, when set. */
  error?: string | null;
  submitLabel: ReactNode;
  onCancel: () => void;
  submitDisabled?: boolean;
}

/** The end of every dialog form: the error that stopped saving, Cancel, and the submit button. */
export function FormFooter({ error, submitLabel, onCancel, submitDisabled }: FormFooterProps) {
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
