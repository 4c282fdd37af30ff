import { SLA_STATE_LABEL, type SlaState } from '@core/action-items/sla-state';

const ICON: Record<SlaState, string> = {
  'on-track': '●',
  'due-soon': '◔',
  overdue: '▲',
  met: '✓',
  missed: '✕',
  'no-due-date': '–',
};

/** Colour plus a shape and words, so the state never depends on colour alone. */
export function SlaBadge({ state }: { state: SlaState }) {
  return (
    <span className={`ai-sla ai-sla-${state}`}>
      <span aria-hidden="true">{ICON[state]}</span> {SLA_STATE_LABEL[state]}
    </span>
  );
}
