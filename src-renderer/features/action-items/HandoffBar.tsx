import { useState } from 'react';
import type { ActionItem } from '@core/model/action-item';
import type { Person } from '@core/model/person';
import type { SlaPolicy } from '@core/action-items/sla-policy';
import { planStatusImport, type StatusImportPlan } from '@core/action-items/status-import';
import { StatusImportError } from '@core/action-items/status-import-error';
import { platform } from '@platform/index';
import { useToast } from '@ui/toast-context';
import { HANDOFF_FORMATS, HANDOFF_LABEL, handoffFile, toHandoffItems, type HandoffFormat } from './handoff-files';
import { StatusImportDialog } from './StatusImportDialog';

interface Props {
  /** Name of what is exported: the incident title, or "All incidents". */
  scope: string;
  items: readonly ActionItem[];
  incidentTitle: (incidentId: string) => string;
  people: readonly Person[];
  policy: SlaPolicy;
  timeZone: string;
}

/** Hand-off without accounts: files for trackers and calendars, and status updates back. */
export function HandoffBar({ scope, items, incidentTitle, people, policy, timeZone }: Props) {
  const toast = useToast();
  const [preview, setPreview] = useState<{ fileName: string; plan: StatusImportPlan } | null>(null);
  const peopleById = new Map(people.map((p) => [p.id, p]));

  const exportAs = async (format: HandoffFormat) => {
    const file = handoffFile(format, toHandoffItems(items, incidentTitle, peopleById), {
      timeZone,
      scope,
      priorityLabels: policy.priorityLabels,
    });
    const saved = await platform.saveFile(file.data, { suggestedName: file.suggestedName, mimeType: file.mimeType, filter: file.filter });
    if (saved) toast.show({ message: `Exported ${items.length} action item${items.length === 1 ? '' : 's'} as ${HANDOFF_LABEL[format]}.`, tone: 'success' });
  };

  const importUpdates = async () => {
    const [picked] = await platform.pickFiles({ accept: ['.csv', 'text/csv'] });
    if (!picked) return;
    try {
      const plan = planStatusImport(await picked.file.text(), { items, timeZone, people: peopleById });
      setPreview({ fileName: picked.path, plan });
    } catch (error) {
      if (!(error instanceof StatusImportError)) throw error;
      toast.show({ message: `${picked.path}: ${error.describe()}`, tone: 'error', timeoutMs: 15_000 });
    }
  };

  return (
    <div className="ai-handoff" role="group" aria-label="Hand off">
      <span className="muted">Export</span>
      {HANDOFF_FORMATS.map((format) => (
        <button key={format} type="button" disabled={items.length === 0} onClick={() => void exportAs(format)}>
          {HANDOFF_LABEL[format]}
        </button>
      ))}
      <button type="button" disabled={items.length === 0} onClick={() => void importUpdates()}>
        Import status updates…
      </button>
      {preview && (
        <StatusImportDialog fileName={preview.fileName} plan={preview.plan} items={items} people={people} timeZone={timeZone} onClose={() => setPreview(null)} />
      )}
    </div>
  );
}
