import type { ActionItem } from '@core/model/action-item';
import type { Incident } from '@core/model/incident';
import { ItemEditor } from './ItemEditor';
import { useSlaPolicy } from '@data/action-items';
import { viewerTimeZone } from '@core/time/zones';
import { usePeopleByName } from '@data/people';
import './action-items.css';

interface ActionItemQuickAddProps {
  incident: Incident;
  /** Events and annotations that motivated the item (e.g. the annotation being read). */
  eventIds?: readonly string[];
  annotationIds?: readonly string[];
  /** Pre-filled title, e.g. the annotation's first line. */
  title?: string;
  onClose: () => void;
  onCreated?: (item: ActionItem) => void;
}

/**
 * The full new-item dialog for other features (an annotation's "Make an action item", the
 * review meeting). Render it when the user asks; it closes itself after saving.
 */
export function ActionItemQuickAdd({ incident, eventIds, annotationIds, title, onClose, onCreated }: ActionItemQuickAddProps) {
  const stored = useSlaPolicy();
  const people = usePeopleByName();
  if (!stored) return null;
  return (
    <ItemEditor
      incident={incident}
      policy={stored.policy}
      timeZone={viewerTimeZone()}
      people={people}
      eventIds={eventIds}
      annotationIds={annotationIds}
      initialTitle={title}
      onClose={onClose}
      onSaved={onCreated}
    />
  );
}
